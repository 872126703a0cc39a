using FormArchive.Ingest.Ocr;
using ImageMagick;

namespace FormArchive.Ingest.Imaging;

/// <summary>Measurements on small grey copies: where the document lies on the desk (the skew: <see cref="SkewAndRotation"/>).</summary>
internal static class DocumentGeometry
{
    /// <summary>Grey bytes of an image scaled to fit <paramref name="maxSide"/>; returns the scale used.</summary>
    public static (byte[] Gray, int Width, int Height, double Scale) SmallGray(MagickImage image, int maxSide)
    {
        if (SkewAndRotation.SmallGray(image, maxSide) is { } fast) return fast;
        using var small = (MagickImage)image.Clone();
        double scale = Math.Min(1.0, (double)maxSide / Math.Max(small.Width, small.Height));
        if (scale < 1.0) small.Sample((uint)Math.Max(1, small.Width * scale), (uint)Math.Max(1, small.Height * scale));
        small.ColorSpace = ColorSpace.Gray;
        var bytes = small.ToByteArray(MagickFormat.Gray);
        return (bytes, (int)small.Width, (int)small.Height, (double)small.Width / image.Width);
    }

    /// <summary>Otsu threshold of a grey histogram.</summary>
    public static int Otsu(byte[] gray)
    {
        Span<long> hist = stackalloc long[256];
        foreach (var v in gray) hist[v]++;
        long total = gray.Length;
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += i * (double)hist[i];
        double sumB = 0, best = -1; long wB = 0; int t = 128;
        for (int i = 0; i < 256; i++)
        {
            wB += hist[i];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += i * (double)hist[i];
            double mB = sumB / wB, mF = (sum - sumB) / wF;
            double between = wB * (double)wF * (mB - mF) * (mB - mF);
            if (between > best) { best = between; t = i; }
        }
        return t;
    }

    /// <summary>
    /// The bright document's bounding box on a darker desk, in the coordinates of <paramref name="image"/>,
    /// grown by <paramref name="marginFraction"/> of its size; the whole image when no clear document is found.
    /// </summary>
    public static PixelBox FindDocument(MagickImage image, double marginFraction, out double brightFraction)
    {
        var (g, w, h, scale) = SmallGray(image, 600);
        return FindDocument(g, w, h, scale, (int)image.Width, (int)image.Height, marginFraction, out brightFraction);
    }

    /// <summary>
    /// <see cref="FindDocument(MagickImage, double, out double)"/> on a grey copy (<paramref name="scale"/> = copy
    /// width / full width) of an image of <paramref name="fullWidth"/>×<paramref name="fullHeight"/>.
    /// </summary>
    public static PixelBox FindDocument(byte[] g, int w, int h, double scale, int fullWidth, int fullHeight, double marginFraction, out double brightFraction)
    {
        int t = Otsu(g);
        var rows = new int[h];
        var cols = new int[w];
        int bright = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (g[y * w + x] > t) { rows[y]++; cols[x]++; bright++; }
        brightFraction = (double)bright / (w * h);
        int y0 = First(rows, w * 0.04), y1 = Last(rows, w * 0.04), x0 = First(cols, h * 0.04), x1 = Last(cols, h * 0.04);
        if (y0 < 0 || x0 < 0 || y1 <= y0 || x1 <= x0 || brightFraction > 0.97)
            return new PixelBox(0, 0, fullWidth, fullHeight);
        double mx = (x1 - x0) * marginFraction, my = (y1 - y0) * marginFraction;
        int left = (int)Math.Max(0, (x0 - mx) / scale), top = (int)Math.Max(0, (y0 - my) / scale);
        int right = (int)Math.Min(fullWidth, (x1 + 1 + mx) / scale), bottom = (int)Math.Min(fullHeight, (y1 + 1 + my) / scale);
        return new PixelBox(left, top, right - left, bottom - top);
    }

    private static int First(int[] counts, double min)
    {
        for (int i = 0; i < counts.Length; i++) if (counts[i] >= min) return i;
        return -1;
    }

    private static int Last(int[] counts, double min)
    {
        for (int i = counts.Length - 1; i >= 0; i--) if (counts[i] >= min) return i;
        return -1;
    }
}
