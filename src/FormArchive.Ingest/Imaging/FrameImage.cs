using ImageMagick;
using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>A decoded page as OpenCV reads it: 8-bit BGR, EXIF orientation applied.</summary>
public static class FrameImage
{
    public static Mat ToBgr(MagickImage page)
    {
        OpenCvThreads.Ensure();
        using var img = (MagickImage)page.Clone();
        img.AutoOrient();
        img.ResetPage();
        // Transparent pixels (PNG) are read as on white paper.
        if (img.HasAlpha)
        {
            img.ColorAlpha(MagickColors.White);
        }
        img.ColorSpace = ColorSpace.sRGB;
        int w = (int)img.Width, h = (int)img.Height;
        // The pixel cache mapped to B, G, R: three bytes a pixel whatever the file stored (grey, palette, 1-bit).
        using var pixels = img.GetPixelsUnsafe();
        var bytes = pixels.ToByteArray(PixelMapping.BGR) ?? throw new InvalidOperationException("no pixels");
        var mat = new Mat(h, w, MatType.CV_8UC3);
        for (int y = 0; y < h; y++) System.Runtime.InteropServices.Marshal.Copy(bytes, y * w * 3, mat.Ptr(y), w * 3);
        return mat;
    }
}
