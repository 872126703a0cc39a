using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// Drops red print (户口簿 labels and rules, seals) the way form scanners do: pixels clearly redder than they are
/// green or blue take the paper's grey (the 90th percentile of the image, the brightest large area; not white: white
/// rules on grey paper are edges again); everything else becomes its grey level. Black ink printed over a red rule stays black, so a number
/// crossed by the table's lines reads clean.
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
        int paper = PaperGrey(grey);
        grey.SetTo(new Scalar(paper), red);
        // Stretch so the paper is white again and the ink black: the detector was trained on contrasty pages.
        using var stretched = new Mat();
        grey.ConvertTo(stretched, MatType.CV_8UC1, 255.0 / Math.Max(1, paper), 0);
        var result = new Mat();
        Cv2.Merge([stretched, stretched, stretched], result);
        return result;
    }

    private static int PaperGrey(Mat grey)
    {
        using var hist = new Mat();
        Cv2.CalcHist([grey], [0], null, hist, 1, [256], [new Rangef(0, 256)]);
        hist.GetArray(out float[] h);
        double total = h.Sum(), acc = 0;
        for (int i = 0; i < 256; i++) { acc += h[i]; if (acc >= 0.9 * total) return i; }
        return 255;
    }
}
