using OpenCvSharp;

namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>Cuts a text quad out of an image as an upright, axis-aligned strip (PaddleOCR's get_rotate_crop_image).</summary>
public static class TextLineCrop
{
    /// <summary>
    /// The quad warped flat (cubic, replicated border), sized by its longer opposite edges; strips at least 1.5× as
    /// tall as wide are turned 90° counter-clockwise, since text lines run along the long side.
    /// </summary>
    public static Mat Cut(Mat image, TextQuad quad)
    {
        int w = Math.Max(1, (int)Math.Round(quad.Width)), h = Math.Max(1, (int)Math.Round(quad.Height));
        using var m = Cv2.GetPerspectiveTransform(quad.Points, [new Point2f(0, 0), new Point2f(w, 0), new Point2f(w, h), new Point2f(0, h)]);
        var crop = new Mat();
        Cv2.WarpPerspective(image, crop, m, new Size(w, h), InterpolationFlags.Cubic, BorderTypes.Replicate);
        if ((double)h / w >= 1.5)
        {
            var turned = new Mat();
            Cv2.Rotate(crop, turned, RotateFlags.Rotate90Counterclockwise);
            crop.Dispose();
            return turned;
        }
        return crop;
    }
}
