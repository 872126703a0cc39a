using ImageMagick;

namespace FormArchive.ScanGen;

/// <summary>
/// An 8-bit raster (1 or 3 channels) with the few whole-frame operations the captures need, written as plain
/// loops: Magick's distort and blur cost about 100 ns a pixel here, ten times these, and a camera frame has 2–5 MP.
/// </summary>
public sealed class Raster
{
    public readonly int W, H, Ch;
    public readonly byte[] Px;

    public Raster(int w, int h, int ch) { W = w; H = h; Ch = ch; Px = new byte[w * h * ch]; }

    public static Raster Of(MagickImage img, int ch)
    {
        var r = new Raster((int)img.Width, (int)img.Height, ch);
        using var pixels = img.GetPixels();
        pixels.ToByteArray(ch == 1 ? "R" : "RGB")!.CopyTo(r.Px, 0);
        return r;
    }

    public MagickImage ToImage()
    {
        var img = new MagickImage();
        img.ReadPixels(Px, new PixelReadSettings((uint)W, (uint)H, StorageType.Char, Ch == 1 ? "R" : "RGB"));
        if (Ch == 1) img.ColorSpace = ColorSpace.Gray;
        return img;
    }

    /// <summary>RGBA bytes of an image (the source of a warp).</summary>
    public static byte[] Rgba(MagickImage img)
    {
        using var pixels = img.GetPixels();
        return pixels.ToByteArray(PixelMapping.RGBA)!;
    }

    /// <summary>Fills the raster from a coarse map scaled up bilinearly (desk textures, light).</summary>
    public void FillFrom(float[] map, int mw, int mh, int mch)
    {
        var row = new float[W * mch];
        for (int y = 0; y < H; y++)
        {
            ExpandRow(map, mw, mh, mch, W, H, y, row);
            int o = y * W * Ch;
            if (Ch == mch)
            {
                for (int i = 0; i < W * Ch; i++) { float v = row[i]; Px[o + i] = v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)v; }
                continue;
            }
            for (int x = 0; x < W; x++)
                for (int c = 0; c < Ch; c++)
                    Px[o + x * Ch + c] = (byte)Math.Clamp(row[x * mch + Math.Min(c, mch - 1)], 0, 255);
        }
    }

    /// <summary>Multiplies by a coarse map (values around 1) and then screens a coarse glare map (0..1) over it.</summary>
    public void Light(float[] mul, int mw, int mh, int mch, float[]? screen = null, int sw = 0, int sh = 0)
    {
        var row = new float[W * mch];
        var grow = screen is null ? null : new float[W];
        for (int y = 0; y < H; y++)
        {
            ExpandRow(mul, mw, mh, mch, W, H, y, row);
            if (grow is not null) ExpandRow(screen!, sw, sh, 1, W, H, y, grow);
            int o = y * W * Ch;
            if (Ch == 3 && mch == 3)
            {
                for (int x = 0, m = 0; x < W; x++, o += 3, m += 3)
                {
                    float g = grow is null ? 0 : grow[x];
                    float r = Px[o] * row[m], gg = Px[o + 1] * row[m + 1], b = Px[o + 2] * row[m + 2];
                    if (g > 0.002f) { float ng = 1 - g; r = 255 - (255 - r) * ng; gg = 255 - (255 - gg) * ng; b = 255 - (255 - b) * ng; }
                    Px[o] = r >= 255 ? (byte)255 : (byte)r; Px[o + 1] = gg >= 255 ? (byte)255 : (byte)gg; Px[o + 2] = b >= 255 ? (byte)255 : (byte)b;
                }
                continue;
            }
            for (int x = 0; x < W; x++)
            {
                float g = grow is null ? 0 : grow[x];
                for (int c = 0; c < Ch; c++)
                {
                    float v = Px[o + x * Ch + c] * row[x * mch + Math.Min(c, mch - 1)];
                    if (g > 0.002f) v = 255 - (255 - v) * (1 - g);
                    Px[o + x * Ch + c] = (byte)Math.Clamp(v, 0, 255);
                }
            }
        }
    }

    /// <summary>Row <paramref name="y"/> of a coarse map stretched to <paramref name="w"/>×<paramref name="h"/>:
    /// the two map rows are blended first, then spread along x.</summary>
    private static void ExpandRow(float[] map, int mw, int mh, int mch, int w, int h, int y, float[] row)
    {
        float fy = Math.Clamp((y + 0.5f) * mh / h - 0.5f, 0, mh - 1.001f);
        int j = (int)fy; float ty = fy - j;
        int r0 = j * mw * mch, r1 = Math.Min(j + 1, mh - 1) * mw * mch;
        Span<float> line = mw * mch <= 4096 ? stackalloc float[mw * mch] : new float[mw * mch];
        for (int i = 0; i < mw * mch; i++) line[i] = map[r0 + i] + (map[r1 + i] - map[r0 + i]) * ty;
        float sx = (float)mw / w;
        for (int x = 0, o = 0; x < w; x++, o += mch)
        {
            float fx = (x + 0.5f) * sx - 0.5f;
            fx = fx < 0 ? 0 : fx > mw - 1.001f ? mw - 1.001f : fx;
            int i = (int)fx; float tx = fx - i;
            int a = i * mch, b = Math.Min(i + 1, mw - 1) * mch;
            for (int c = 0; c < mch; c++) row[o + c] = line[a + c] + (line[b + c] - line[a + c]) * tx;
        }
    }

    /// <summary>Draws an RGBA source over the raster through a projective map (frame → source), bilinear,
    /// within the given bounding box; returns nothing, edges are anti-aliased by the source's alpha.</summary>
    public void WarpOver(byte[] src, int sw, int sh, Homography frameToSrc, int x0, int y0, int x1, int y1, int srcCh = 4)
    {
        x0 = Math.Max(0, x0); y0 = Math.Max(0, y0); x1 = Math.Min(W - 1, x1); y1 = Math.Min(H - 1, y1);
        var (a, b, c, d, e, f, g, hh) = frameToSrc.Coefficients;
        for (int y = y0; y <= y1; y++)
        {
            double py = y + 0.5;
            double nu = a * (x0 + 0.5) + b * py + c, nv = d * (x0 + 0.5) + e * py + f, dn = g * (x0 + 0.5) + hh * py + 1;
            int o = (y * W + x0) * Ch;
            for (int x = x0; x <= x1; x++, nu += a, nv += d, dn += g, o += Ch)
            {
                double u = nu / dn - 0.5, v = nv / dn - 0.5;
                if (u < -1 || v < -1 || u > sw || v > sh) continue;
                int iu = (int)Math.Floor(u), iv = (int)Math.Floor(v);
                float tu = (float)(u - iu), tv = (float)(v - iv);
                float w00 = (1 - tu) * (1 - tv), w10 = tu * (1 - tv), w01 = (1 - tu) * tv, w11 = tu * tv;
                float r = 0, gg = 0, bb = 0, al = 0;
                Tap(iu, iv, w00); Tap(iu + 1, iv, w10); Tap(iu, iv + 1, w01); Tap(iu + 1, iv + 1, w11);
                if (al <= 0.001f) continue;
                // premultiplied sums: colour = sum / alpha
                float k = al / 255f;
                if (Ch == 1)
                {
                    float grey = (0.299f * r + 0.587f * gg + 0.114f * bb) / al;
                    Px[o] = (byte)Math.Clamp(Px[o] * (1 - k) + grey * k, 0, 255);
                }
                else
                {
                    Px[o] = (byte)Math.Clamp(Px[o] * (1 - k) + r / al * k, 0, 255);
                    Px[o + 1] = (byte)Math.Clamp(Px[o + 1] * (1 - k) + gg / al * k, 0, 255);
                    Px[o + 2] = (byte)Math.Clamp(Px[o + 2] * (1 - k) + bb / al * k, 0, 255);
                }

                void Tap(int px, int py2, float w)
                {
                    if (px < 0 || py2 < 0 || px >= sw || py2 >= sh || w == 0) return;
                    int s = (py2 * sw + px) * srcCh;
                    float aw = (srcCh == 4 ? src[s + 3] : 255) * w;
                    if (srcCh == 1) { r += src[s] * aw; gg += src[s] * aw; bb += src[s] * aw; }
                    else { r += src[s] * aw; gg += src[s + 1] * aw; bb += src[s + 2] * aw; }
                    al += aw;
                }
            }
        }
    }

    public void Fill(byte v) => Array.Fill(Px, v);

    /// <summary>Multiplies rows [y0, y1) by a factor per row (a copier lid's shadow).</summary>
    public void ShadeRows(int y0, int y1, Func<int, double> factor)
    {
        for (int y = Math.Max(0, y0); y < Math.Min(H, y1); y++)
        {
            double f = factor(y);
            for (int i = y * W * Ch, end = (y + 1) * W * Ch; i < end; i++) Px[i] = (byte)(Px[i] * f);
        }
    }

    /// <summary>Separable Gaussian blur inside a box (the rest of the frame is soft desk anyway).</summary>
    public void Blur(double sigma, int x0, int y0, int x1, int y1)
    {
        if (sigma < 0.2) return;
        int r = (int)Math.Ceiling(2.5 * sigma);
        x0 = Math.Max(0, x0 - r); y0 = Math.Max(0, y0 - r); x1 = Math.Min(W - 1, x1 + r); y1 = Math.Min(H - 1, y1 + r);
        var k = new int[2 * r + 1];
        double sum = 0;
        var kd = new double[2 * r + 1];
        for (int i = -r; i <= r; i++) { kd[i + r] = Math.Exp(-i * i / (2 * sigma * sigma)); sum += kd[i + r]; }
        for (int i = 0; i < k.Length; i++) k[i] = (int)Math.Round(kd[i] / sum * 4096);
        int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
        var tmp = new byte[bw * bh * Ch];
        int stride = W * Ch, bstride = bw * Ch;
        for (int y = 0; y < bh; y++)
        {
            int rowStart = (y0 + y) * stride;
            for (int x = 0; x < bw; x++)
            {
                int gx = x0 + x;
                bool inner = gx - r >= 0 && gx + r < W;
                for (int c = 0; c < Ch; c++)
                {
                    int acc = 0;
                    if (inner)
                    {
                        int p = rowStart + (gx - r) * Ch + c;
                        for (int t = 0; t < k.Length; t++, p += Ch) acc += Px[p] * k[t];
                    }
                    else
                        for (int t = -r; t <= r; t++) acc += Px[rowStart + Math.Clamp(gx + t, 0, W - 1) * Ch + c] * k[t + r];
                    int v = (acc + 2048) >> 12;
                    tmp[y * bstride + x * Ch + c] = (byte)(v > 255 ? 255 : v);
                }
            }
        }
        for (int y = 0; y < bh; y++)
        {
            bool inner = y - r >= 0 && y + r < bh;
            int dst = (y0 + y) * stride + x0 * Ch;
            for (int xc = 0; xc < bstride; xc++)
            {
                int acc = 0;
                if (inner)
                {
                    int p = (y - r) * bstride + xc;
                    for (int t = 0; t < k.Length; t++, p += bstride) acc += tmp[p] * k[t];
                }
                else
                    for (int t = -r; t <= r; t++) acc += tmp[Math.Clamp(y + t, 0, bh - 1) * bstride + xc] * k[t + r];
                int v = (acc + 2048) >> 12;
                Px[dst + xc] = (byte)(v > 255 ? 255 : v);
            }
        }
    }

    /// <summary>Sensor/scanner noise from a small random tile repeated across the frame.</summary>
    public void Noise(Random rng, double sigma)
    {
        const int n = 256;
        var tile = new sbyte[n * n * Ch];
        for (int i = 0; i < tile.Length; i += Ch)
        {
            double z = CameraScene.Gauss(rng) * sigma;
            for (int c = 0; c < Ch; c++) tile[i + c] = (sbyte)Math.Clamp(z + (c == 1 ? 0 : CameraScene.Gauss(rng) * sigma * 0.4), -127, 127);
        }
        for (int y = 0; y < H; y++)
        {
            int o = y * W * Ch, to = (y % n) * n * Ch;
            for (int x = 0; x < W; x++)
            {
                int t = to + (x % n) * Ch;
                for (int c = 0; c < Ch; c++)
                {
                    int v = Px[o + x * Ch + c] + tile[t + c];
                    Px[o + x * Ch + c] = (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
                }
            }
        }
    }
}
