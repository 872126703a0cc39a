using FormArchive.Ingest.Ocr;
using ImageMagick;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// Skew measurement by projection profiles and bilinear rotation, in managed code: ImageMagick's Deskew only
/// searches about ±7° (and locks near 0° on a bright document on a dark desk), and its Rotate is slow with OpenMP
/// limited to one thread (docs/measurements.md).
/// </summary>
internal static class SkewAndRotation
{
    /// <summary>
    /// Skew in degrees, clockwise positive, of the text lines and edges of <paramref name="image"/>, searched in
    /// ±<paramref name="maxDegrees"/> on a grey copy no larger than <paramref name="maxSide"/>.
    /// </summary>
    public static double EstimateSkew(MagickImage image, int maxSide = 1000, double maxDegrees = 16)
    {
        var (g, w, h, _) = DocumentGeometry.SmallGray(image, maxSide);
        return EstimateSkew(g, w, h, maxDegrees);
    }

    public static double EstimateSkew(byte[] g, int w, int h, double maxDegrees = 16)
    {
        if (w < 16 || h < 16) return 0;
        // Points with a strong vertical gradient: top and bottom edges of characters, rules and the document edge.
        // Threshold: the 90th percentile of |dy|, at least 24 grey levels.
        Span<int> hist = stackalloc int[256];
        for (int y = 1; y < h - 1; y += 2)
            for (int x = 0; x < w; x += 2)
                hist[Math.Abs(g[(y + 1) * w + x] - g[(y - 1) * w + x])]++;
        long total = 0;
        foreach (var c in hist) total += c;
        long acc = 0; int t = 255;
        for (int i = 255; i >= 0; i--) { acc += hist[i]; if (acc >= total * 0.10) { t = i; break; } }
        t = Math.Max(t, 24);

        var xs = new List<short>(w * h / 8);
        var ys = new List<short>(w * h / 8);
        int cx = w / 2, cy = h / 2;
        for (int y = 1; y < h - 1; y++)
        {
            int row = y * w;
            for (int x = 0; x < w; x++)
                if (Math.Abs(g[row + w + x] - g[row - w + x]) >= t) { xs.Add((short)(x - cx)); ys.Add((short)(y - cy)); }
        }
        if (xs.Count < 50) return 0;
        var px = xs.ToArray();
        var py = ys.ToArray();
        int diag = (int)Math.Ceiling(Math.Sqrt((double)w * w + (double)h * h)) + 4;
        var bins = new int[diag * 2];

        double Score(double deg, int step)
        {
            double r = deg * Math.PI / 180, sn = Math.Sin(r), cs = Math.Cos(r);
            Array.Clear(bins);
            for (int i = 0; i < px.Length; i += step)
                bins[(int)(py[i] * cs - px[i] * sn + diag + 0.5)]++;
            double s = 0;
            foreach (var b in bins) s += (double)b * b;
            return s;
        }

        int coarseStep = px.Length > 60_000 ? 3 : px.Length > 30_000 ? 2 : 1;
        double best = 0, bestScore = -1;
        for (double a = -maxDegrees; a <= maxDegrees + 1e-9; a += 0.25)
        {
            double s = Score(a, coarseStep);
            if (s > bestScore) { bestScore = s; best = a; }
        }
        double center = best;
        var fine = new List<(double A, double S)>();
        for (double a = center - 0.3; a <= center + 0.3 + 1e-9; a += 0.025)
            fine.Add((a, Score(a, 1)));
        int k = 0;
        for (int i = 1; i < fine.Count; i++) if (fine[i].S > fine[k].S) k = i;
        double ang = fine[k].A;
        if (k > 0 && k < fine.Count - 1)
        {
            double s0 = fine[k - 1].S, s1 = fine[k].S, s2 = fine[k + 1].S, den = s0 - 2 * s1 + s2;
            if (den < 0) ang += 0.025 * 0.5 * (s0 - s2) / den;
        }
        return ang;
    }

    /// <summary>
    /// Rotates an image clockwise by <paramref name="degrees"/> (bilinear), growing the canvas to hold it and
    /// filling the corners with <paramref name="background"/>, like ImageMagick's Rotate. Returns a new image.
    /// </summary>
    public static MagickImage Rotate(MagickImage image, double degrees, MagickColor background) =>
        Rotate(image, degrees, background, null);

    /// <summary>Size of the canvas holding <paramref name="w"/>×<paramref name="h"/> rotated by <paramref name="degrees"/>.</summary>
    public static (int Width, int Height) RotatedSize(int w, int h, double degrees)
    {
        double r = degrees * Math.PI / 180, sn = Math.Abs(Math.Sin(r)), cs = Math.Abs(Math.Cos(r));
        return ((int)Math.Ceiling(w * cs + h * sn - 1e-6), (int)Math.Ceiling(w * sn + h * cs - 1e-6));
    }

    /// <summary>
    /// Like <see cref="Rotate(MagickImage, double, MagickColor)"/>, but computes only <paramref name="region"/> of the
    /// rotated canvas (the document's box, found on a small rotated copy): a large page is not rotated and then cropped.
    /// </summary>
    public static unsafe MagickImage Rotate(MagickImage image, double degrees, MagickColor background, PixelBox? region)
    {
        int w = (int)image.Width, h = (int)image.Height;
        double r = degrees * Math.PI / 180, sn = Math.Sin(r), cs = Math.Cos(r);
        var (nw, nh) = RotatedSize(w, h, degrees);
        var box = region ?? new PixelBox(0, 0, nw, nh);
        int dstLen = box.Width * box.Height * 3;
        // Pooled buffers: a 300 dpi A4 scene is ~36 MB per RGB copy; fresh large arrays per page let the heap grow.
        var dst = System.Buffers.ArrayPool<byte>.Shared.Rent(dstLen);
        byte[]? copy = null;
        try
        {
            // Read the pixels in place when they are plain 8-bit RGB(A); otherwise convert to RGB first.
            using var pixels = image.GetPixelsUnsafe();
            int nch = (int)image.ChannelCount;
            bool direct = IsDirectRgb(image);
            byte* src;
            if (direct) src = (byte*)pixels.GetAreaPointer(0, 0, (uint)w, (uint)h);
            else { copy = image.ToByteArray(MagickFormat.Rgb); nch = 3; src = null; }
            fixed (byte* copyPtr = copy)
            {
                if (!direct) src = copyPtr;
                RotateCore(src, nch, w, h, dst, 3, nw, nh, box, sn, cs, [(byte)background.R, (byte)background.G, (byte)background.B]);
            }
            return new MagickImage(dst, 0, (uint)dstLen, new MagickReadSettings
            {
                Format = MagickFormat.Rgb, Width = (uint)box.Width, Height = (uint)box.Height,
                Depth = 8
            });
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(dst); }
    }

    /// <summary>A grey image rotated clockwise by <paramref name="degrees"/> on a grown canvas (bilinear).</summary>
    public static unsafe (byte[] Gray, int Width, int Height) RotateGray(byte[] g, int w, int h, double degrees, byte background)
    {
        double r = degrees * Math.PI / 180, sn = Math.Sin(r), cs = Math.Cos(r);
        var (nw, nh) = RotatedSize(w, h, degrees);
        var dst = new byte[nw * nh];
        fixed (byte* src = g)
            RotateCore(src, 1, w, h, dst, 1, nw, nh, new PixelBox(0, 0, nw, nh), sn, cs, [background]);
        return (dst, nw, nh);
    }

    private static unsafe void RotateCore(byte* src, int nch, int w, int h, byte[] dst, int outCh, int nw, int nh, PixelBox box,
        double sn, double cs, ReadOnlySpan<byte> background)
    {
        double scx = (w - 1) / 2.0, scy = (h - 1) / 2.0, dcx = (nw - 1) / 2.0, dcy = (nh - 1) / 2.0;
        const int Fix = 1 << 16;
        // Inverse map: a destination pixel (u,v) comes from source (x,y) = R(-θ)(u-dcx, v-dcy) + (scx,scy).
        // Clockwise on screen (y down) is the usual rotation matrix; its inverse uses (cs, sn) / (-sn, cs).
        long dxdu = (long)(cs * Fix), dydu = (long)(-sn * Fix);
        int rowStride = w * nch;
        for (int v = box.Y; v < box.Bottom; v++)
        {
            double fy = v - dcy, fx = box.X - dcx;
            long x = (long)((fx * cs + fy * sn + scx) * Fix), y = (long)((-fx * sn + fy * cs + scy) * Fix);
            int o = (v - box.Y) * box.Width * outCh;
            for (int u = 0; u < box.Width; u++, x += dxdu, y += dydu, o += outCh)
            {
                int x0 = (int)(x >> 16), y0 = (int)(y >> 16);
                if (x < 0 || y < 0 || x0 >= w - 1 || y0 >= h - 1)
                {
                    for (int c = 0; c < outCh; c++) dst[o + c] = background[c];
                    continue;
                }
                int ax = (int)(x & 0xFFFF) >> 8, ay = (int)(y & 0xFFFF) >> 8; // 8-bit weights
                byte* p00 = src + (long)y0 * rowStride + x0 * nch, p10 = p00 + nch, p01 = p00 + rowStride, p11 = p01 + nch;
                for (int c = 0; c < outCh; c++)
                {
                    int top = p00[c] * (256 - ax) + p10[c] * ax;
                    int bot = p01[c] * (256 - ax) + p11[c] * ax;
                    dst[o + c] = (byte)((top * (256 - ay) + bot * ay + 32768) >> 16);
                }
            }
        }
    }

    /// <summary>Whether the pixels can be read in place as 8-bit RGB(A).</summary>
    private static bool IsDirectRgb(MagickImage image) =>
        image.ColorSpace is ColorSpace.sRGB or ColorSpace.RGB && image.ChannelCount is 3 or 4;

    // ImageMagick's ColorSpace.Gray: Rec. 709 luma of the encoded values, rounded (weights × 2^20).
    private const int WR = 222_983, WG = 749_898, WB = 75_694;

    /// <summary>
    /// Grey bytes of the whole image, identical (±1) to ImageMagick's <c>ColorSpace = Gray</c>, without cloning
    /// the image; null when the pixels are not plain 8-bit RGB(A).
    /// </summary>
    public static unsafe byte[]? Gray(MagickImage image)
    {
        if (!IsDirectRgb(image)) return null;
        int w = (int)image.Width, h = (int)image.Height, nch = (int)image.ChannelCount;
        var dst = new byte[w * h];
        using var pixels = image.GetPixelsUnsafe();
        byte* src = (byte*)pixels.GetAreaPointer(0, 0, (uint)w, (uint)h);
        long n = (long)w * h;
        for (long i = 0; i < n; i++, src += nch)
            dst[i] = (byte)((src[0] * WR + src[1] * WG + src[2] * WB + (1 << 19)) >> 20);
        return dst;
    }

    /// <summary>Nearest-neighbour grey sample no larger than <paramref name="maxSide"/>; null when not plain RGB(A).</summary>
    public static unsafe (byte[] Gray, int Width, int Height, double Scale)? SmallGray(MagickImage image, int maxSide)
    {
        if (!IsDirectRgb(image)) return null;
        int w = (int)image.Width, h = (int)image.Height, nch = (int)image.ChannelCount;
        double scale = Math.Min(1.0, (double)maxSide / Math.Max(w, h));
        int sw = Math.Max(1, (int)(w * scale)), sh = Math.Max(1, (int)(h * scale));
        var dst = new byte[sw * sh];
        var xo = new int[sw];
        for (int x = 0; x < sw; x++) xo[x] = Math.Min(w - 1, (int)((x + 0.5) * w / sw)) * nch;
        using var pixels = image.GetPixelsUnsafe();
        byte* src = (byte*)pixels.GetAreaPointer(0, 0, (uint)w, (uint)h);
        for (int y = 0; y < sh; y++)
        {
            byte* row = src + (long)Math.Min(h - 1, (int)((y + 0.5) * h / sh)) * w * nch;
            int o = y * sw;
            for (int x = 0; x < sw; x++)
            {
                byte* p = row + xo[x];
                dst[o + x] = (byte)((p[0] * WR + p[1] * WG + p[2] * WB + (1 << 19)) >> 20);
            }
        }
        return (dst, sw, sh, (double)sw / w);
    }

    /// <summary>A grey image turned clockwise by 90, 180 or 270 degrees.</summary>
    public static Ocr.GrayImage RotateQuarter(Ocr.GrayImage g, int clockwise)
    {
        int w = g.Width, h = g.Height;
        var s = g.Pixels;
        switch (((clockwise % 360) + 360) % 360)
        {
            case 90:
            {
                var d = new byte[w * h];
                // new (x', y') = (h-1-y, x), new width h
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++) d[x * h + (h - 1 - y)] = s[y * w + x];
                return new Ocr.GrayImage(d, h, w);
            }
            case 180:
            {
                var d = (byte[])s.Clone();
                Array.Reverse(d);
                return new Ocr.GrayImage(d, w, h);
            }
            case 270:
            {
                var d = new byte[w * h];
                // new (x', y') = (y, w-1-x)
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++) d[(w - 1 - x) * h + y] = s[y * w + x];
                return new Ocr.GrayImage(d, h, w);
            }
            default: return g;
        }
    }
}
