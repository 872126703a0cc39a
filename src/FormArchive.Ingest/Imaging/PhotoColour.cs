using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// A colour photo, not a grey scan: the mean saturation of a small copy (0–255) is at least 3, a threshold between
/// grey scans and the palest camera photos (docs/measurements.md).
/// </summary>
public static class PhotoColour
{
    public static bool IsColour(Mat bgr)
    {
        if (bgr.Channels() < 3) return false;
        double scale = Math.Min(1.0, 160.0 / Math.Max(bgr.Rows, bgr.Cols));
        using var small = new Mat();
        Cv2.Resize(bgr, small, new Size(Math.Max(1, (int)(bgr.Cols * scale)), Math.Max(1, (int)(bgr.Rows * scale))), 0, 0, InterpolationFlags.Area);
        using var hsv = new Mat();
        Cv2.CvtColor(small, hsv, ColorConversionCodes.BGR2HSV);
        return Cv2.Mean(hsv).Val1 >= 3;
    }
}
