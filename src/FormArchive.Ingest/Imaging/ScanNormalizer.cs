using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Profiling;
using ImageMagick;

namespace FormArchive.Ingest.Imaging;

/// <summary>A page after normalisation: upright, deskewed, cropped to the document.</summary>
public sealed class NormalizedPage : IDisposable
{
    /// <summary>Colour image of the document (the archival rendition is encoded from it).</summary>
    public required MagickImage Image { get; init; }
    /// <summary>Grey rendition for OCR.</summary>
    public required GrayImage Gray { get; set; }
    /// <summary>Clockwise rotation applied to make the page upright: 0, 90, 180 or 270 (after EXIF orientation).</summary>
    public int Orientation { get; set; }
    public float OrientationConfidence { get; set; }
    /// <summary>Measured skew of the document, degrees clockwise; the page was rotated back by it.</summary>
    public double SkewDegrees { get; init; }
    /// <summary>The document's box in the (EXIF-oriented) input image.</summary>
    public PixelBox CropBox { get; init; }
    /// <summary>Variance of the Laplacian of the grey rendition (low = blurred).</summary>
    public double Sharpness { get; init; }
    /// <summary>Spread between the 5th and 95th grey percentiles (0–255; low = low contrast).</summary>
    public int Contrast { get; init; }

    /// <summary>Turns the page a further 180° (when the other way up reads better).</summary>
    public void TurnHalf()
    {
        Image.Rotate(180);
        Image.ResetPage();
        Gray = Rotate180(Gray);
        Orientation = (Orientation + 180) % 360;
    }

    private static GrayImage Rotate180(GrayImage g)
    {
        var p = (byte[])g.Pixels.Clone();
        Array.Reverse(p);
        return g with { Pixels = p };
    }

    public void Dispose() => Image.Dispose();
}

/// <summary>
/// EXIF auto-orient, loose crop of the document from the desk, skew measurement and correction, tight crop,
/// page orientation (Tesseract OSD, quarter turns), and the grey OCR rendition.
/// </summary>
public sealed class ScanNormalizer(TesseractPool pool)
{
    /// <summary>Normalises one decoded page (the input image is not modified).</summary>
    public NormalizedPage Normalize(MagickImage input)
    {
        var img = (MagickImage)input.Clone();
        try
        {
            PixelBox loose;
            using (StageTimes.Time("norm.loose"))
            {
                img.AutoOrient();
                img.ResetPage();
                loose = DocumentGeometry.FindDocument(img, 0.08, out _);
                Crop(img, loose);
            }

            // One small grey copy of the loosely cropped document serves the skew measurement and the tight crop.
            double skew;
            (byte[] G, int W, int H, double Scale) small;
            using (StageTimes.Time("norm.skew"))
            {
                small = DocumentGeometry.SmallGray(img, 1000);
                skew = SkewAndRotation.EstimateSkew(small.G, small.W, small.H);
            }
            PixelBox tight;
            using (StageTimes.Time("norm.rotate+tight"))
            {
                if (Math.Abs(skew) >= 0.1)
                {
                    // Find the document's box on the small copy rotated back, then rotate only that box of the page.
                    var (rg, rw, rh) = SkewAndRotation.RotateGray(small.G, small.W, small.H, -skew, small.G[0]);
                    var (nw, nh) = SkewAndRotation.RotatedSize((int)img.Width, (int)img.Height, -skew);
                    tight = DocumentGeometry.FindDocument(rg, rw, rh, (double)rw / nw, nw, nh, 0.015, out _);
                    var rotated = SkewAndRotation.Rotate(img, -skew, EdgeColour(img), tight);
                    img.Dispose();
                    img = rotated;
                }
                else
                {
                    tight = DocumentGeometry.FindDocument(small.G, small.W, small.H, small.Scale, (int)img.Width, (int)img.Height, 0.015, out _);
                    Crop(img, tight);
                }
            }

            var t0 = StageTimes.Time("norm.gray");
            var gray = ToGray(img);
            t0.Dispose();
            int orientation = 0;
            float conf = 0;
            // A landscape card (ID or bank card, ISO 7810 ratio 1.586) is upright or upside down: OSD cannot tell
            // those apart reliably anyway, so skip it (the caller decides with CardOrientationProbe and retries 180°).
            // Everything else asks OSD.
            bool landscapeCard = CardShape.IsLandscape(gray.Width, gray.Height);
            using var t1 = StageTimes.Time("norm.orient+measures");
            var osd = landscapeCard ? null : pool.Use(TesseractPool.Osd, e => e.DetectOrientation(Downscaled(gray, 1400), 300));
            if (osd is { } o)
            {
                conf = o.Confidence;
                // OSD reliably tells 90 from 270 but confuses 0 and 180 on camera images: the caller retries 180.
                orientation = o.RotateClockwise;
            }
            if (orientation != 0)
            {
                img.Rotate(orientation);
                img.ResetPage();
                gray = SkewAndRotation.RotateQuarter(gray, orientation);
            }
            var box = new PixelBox(loose.X + tight.X, loose.Y + tight.Y, tight.Width, tight.Height); // approximate (pre-deskew) coordinates
            return new NormalizedPage
            {
                Image = img, Gray = gray, Orientation = orientation, OrientationConfidence = conf, SkewDegrees = Math.Round(skew, 2),
                CropBox = box, Sharpness = Sharpness(gray), Contrast = Contrast(gray.Pixels),
            };
        }
        catch
        {
            img.Dispose();
            throw;
        }
    }

    private static void Crop(MagickImage img, PixelBox box)
    {
        if (box.X == 0 && box.Y == 0 && box.Width == img.Width && box.Height == img.Height) return;
        img.Crop(new MagickGeometry(box.X, box.Y, (uint)box.Width, (uint)box.Height));
        img.ResetPage();
    }

    private static MagickColor EdgeColour(MagickImage img)
    {
        using var px = img.GetPixels();
        var c = px.GetPixel(0, 0).ToColor();
        return c is null ? MagickColors.Black : new MagickColor(c.R, c.G, c.B);
    }

    public static GrayImage ToGray(MagickImage img)
    {
        var bytes = SkewAndRotation.Gray(img);
        if (bytes is null)
        {
            using var g = (MagickImage)img.Clone();
            g.ColorSpace = ColorSpace.Gray;
            bytes = g.ToByteArray(MagickFormat.Gray);
        }
        // Light text on a dark document (many bank cards): Tesseract wants dark text on light ground.
        long sum = 0;
        foreach (var b in bytes) sum += b;
        if (bytes.Length > 0 && sum / bytes.Length < 110)
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(255 - bytes[i]);
        return new GrayImage(bytes, (int)img.Width, (int)img.Height);
    }

    /// <summary>Nearest-neighbour downscale of a grey image so its long side is at most <paramref name="maxSide"/>.</summary>
    public static GrayImage Downscaled(GrayImage g, int maxSide)
    {
        double s = (double)maxSide / Math.Max(g.Width, g.Height);
        if (s >= 1) return g;
        int w = Math.Max(1, (int)(g.Width * s)), h = Math.Max(1, (int)(g.Height * s));
        var p = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            int sy = Math.Min(g.Height - 1, (int)(y / s));
            for (int x = 0; x < w; x++) p[y * w + x] = g.Pixels[sy * g.Width + Math.Min(g.Width - 1, (int)(x / s))];
        }
        return new GrayImage(p, w, h);
    }

    private static double Sharpness(GrayImage g)
    {
        var s = Downscaled(g, 1200);
        int w = s.Width, h = s.Height;
        if (w < 3 || h < 3) return 0;
        double sum = 0, sum2 = 0; long n = 0;
        for (int y = 1; y < h - 1; y++)
            for (int x = 1; x < w - 1; x++)
            {
                int i = y * w + x;
                double lap = 4 * s.Pixels[i] - s.Pixels[i - 1] - s.Pixels[i + 1] - s.Pixels[i - w] - s.Pixels[i + w];
                sum += lap; sum2 += lap * lap; n++;
            }
        double mean = sum / n;
        return sum2 / n - mean * mean;
    }

    private static int Contrast(byte[] gray)
    {
        Span<long> hist = stackalloc long[256];
        foreach (var v in gray) hist[v]++;
        long n = gray.Length, acc = 0; int lo = 0, hi = 255;
        for (int i = 0; i < 256; i++) { acc += hist[i]; if (acc >= n * 0.05) { lo = i; break; } }
        acc = 0;
        for (int i = 255; i >= 0; i--) { acc += hist[i]; if (acc >= n * 0.05) { hi = i; break; } }
        return hi - lo;
    }
}
