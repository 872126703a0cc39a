using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>Two measures behind the page warnings: sharpness (variance of the Laplacian) and contrast (1st–99th grey percentile spread: text may be 2 % of a
/// page).</summary>
public static class ImageQuality
{
    public static (double Sharpness, int Contrast) Measure(Mat bgr)
    {
        double scale = Math.Min(1.0, 1200.0 / Math.Max(bgr.Rows, bgr.Cols));
        using var grey = new Mat();
        Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
        using var small = new Mat();
        Cv2.Resize(grey, small, new Size(Math.Max(1, (int)(grey.Cols * scale)), Math.Max(1, (int)(grey.Rows * scale))), 0, 0, InterpolationFlags.Area);
        using var lap = new Mat();
        Cv2.Laplacian(small, lap, MatType.CV_64F);
        Cv2.MeanStdDev(lap, out _, out var std);
        using var histMat = new Mat();
        Cv2.CalcHist([small], [0], null, histMat, 1, [256], [new Rangef(0, 256)]);
        histMat.GetArray(out float[] hist);
        double n = hist.Sum(), acc = 0;
        int lo = 0, hi = 255;
        for (int i = 0; i < 256; i++) { acc += hist[i]; if (acc >= n * 0.01) { lo = i; break; } }
        acc = 0;
        for (int i = 255; i >= 0; i--) { acc += hist[i]; if (acc >= n * 0.01) { hi = i; break; } }
        return (std.Val0 * std.Val0, hi - lo);
    }
}
