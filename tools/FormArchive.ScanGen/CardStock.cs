using ImageMagick;

namespace FormArchive.ScanGen;

/// <summary>
/// Blank card stock: a two-colour gradient, fine guilloche waves and rounded corners (transparent outside),
/// computed in one loop (Magick's gradient, stroked polylines and masks cost ten times as much at card sizes).
/// </summary>
public static class CardStock
{
    /// <param name="inset">An inner rectangle filled with a plain colour (a booklet page on its cover).</param>
    public static MagickImage Make(Random rng, int w, int h, MagickColor a, MagickColor b, double cornerPx, int waves, MagickColor wave, double waveWidthPx,
        (int X, int Y, int W, int H, MagickColor Colour)? inset = null)
    {
        var px = new byte[w * h * 4];
        bool flop = rng.Next(2) == 0;
        double ph = rng.Range(0, 6), period = rng.Range(0.09, 0.13) * w, amp = rng.Range(0.03, 0.05) * h;
        var waveY = new double[waves];
        double half = Math.Max(0.6, waveWidthPx / 2);
        float wa = wave.A / 255f;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                double t = (flop ? w - 1 - x : x) / (double)(w - 1) * 0.7 + y / (double)(h - 1) * 0.3;
                float r = (float)(a.R + (b.R - a.R) * t), g = (float)(a.G + (b.G - a.G) * t), bl = (float)(a.B + (b.B - a.B) * t);
                int i = (y * w + x) * 4;
                px[i] = (byte)r; px[i + 1] = (byte)g; px[i + 2] = (byte)bl; px[i + 3] = (byte)(255 * CornerCoverage(x, y, w, h, cornerPx));
            }
        }
        if (inset is { } ins)
        {
            for (int y = Math.Max(0, ins.Y); y < Math.Min(h, ins.Y + ins.H); y++)
                for (int x = Math.Max(0, ins.X); x < Math.Min(w, ins.X + ins.W); x++)
                {
                    int i = (y * w + x) * 4;
                    px[i] = ins.Colour.R; px[i + 1] = ins.Colour.G; px[i + 2] = ins.Colour.B;
                }
        }
        // waves: for each column, darken the pixels within half a stroke of each curve (anti-aliased by distance)
        for (int x = 0; x < w; x++)
        {
            for (int n = 0; n < waves; n++)
            {
                double yc = h * (0.08 + n * 0.84 / Math.Max(1, waves - 1)) + Math.Sin(x / period * 2 * Math.PI / 3 + n * 0.7 + ph) * amp;
                for (int y = (int)(yc - half - 1); y <= (int)(yc + half + 1); y++)
                {
                    if (y < 0 || y >= h) continue;
                    float cov = (float)Math.Clamp(half + 0.5 - Math.Abs(y + 0.5 - yc), 0, 1) * wa;
                    int i = (y * w + x) * 4;
                    px[i] = (byte)(px[i] * (1 - cov) + wave.R * cov);
                    px[i + 1] = (byte)(px[i + 1] * (1 - cov) + wave.G * cov);
                    px[i + 2] = (byte)(px[i + 2] * (1 - cov) + wave.B * cov);
                }
            }
        }
        var img = new MagickImage();
        img.ReadPixels(px, new PixelReadSettings((uint)w, (uint)h, StorageType.Char, PixelMapping.RGBA));
        return img;
    }

    /// <summary>How much of pixel (x, y) lies inside a rectangle with corners rounded by <paramref name="r"/>.</summary>
    private static double CornerCoverage(int x, int y, int w, int h, double r)
    {
        double cx = x + 0.5 < r ? r : x + 0.5 > w - r ? w - r : x + 0.5;
        double cy = y + 0.5 < r ? r : y + 0.5 > h - r ? h - r : y + 0.5;
        double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
        if (dx == 0 && dy == 0) return 1;
        return Math.Clamp(r + 0.5 - Math.Sqrt(dx * dx + dy * dy), 0, 1);
    }
}
