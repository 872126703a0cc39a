using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// Drops red print (户口簿 labels and rules, seals) the way form scanners do: pixels clearly redder than they are
/// green or blue become paper white; everything else becomes its grey level. Black ink printed over a red rule
/// stays black, so a number crossed by the table's lines reads clean.
/// </summary>
public static class RedDropout
{
    /// <summary>How much redder than green and blue a pixel must be to count as red print.</summary>
    public const int Margin = 28;

    public static Mat Apply(Mat bgr)
    {
        var channels = Cv2.Split(bgr);
        using var b = channels[0];
        using var g = channels[1];
        using var r = channels[2];
        using var gb = new Mat();
        Cv2.Max(g, b, gb);
        using var redness = new Mat();
        Cv2.Subtract(r, gb, redness);
        using var red = new Mat();
        Cv2.Threshold(redness, red, Margin, 255, ThresholdTypes.Binary);
        using var grey = new Mat();
        Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
        grey.SetTo(new Scalar(255), red);
        var result = new Mat();
        Cv2.Merge([grey, grey, grey], result);
        return result;
    }
}
