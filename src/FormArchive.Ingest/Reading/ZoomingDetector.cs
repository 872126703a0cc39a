using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Reading;

/// <summary>
/// Text detection that looks closer where text is small: the image is detected once at the usual size; where the
/// lines found are too thin to trust at that scale (cards on a photocopied A4 sheet, a far-away card, a dense
/// hospital page), those regions are cut out and detected again at full resolution. Large text is found at once.
/// </summary>
public sealed class ZoomingDetector(Ocr.Paddle.TextDetector detector)
{
    /// <summary>Lines thinner than this, in detection pixels, are looked at again closer.</summary>
    public const double MinTextHeight = 14;
    private const int MaxZoomSide = 1600;
    private const double TargetTextHeight = 28;

    public List<TextQuad> Detect(Mat image, DetectionSettings settings)
    {
        var quads = detector.Detect(image, settings);
        double scale = Math.Min(1.0, (double)settings.MaxSide / Math.Max(image.Rows, image.Cols));
        if (scale > 0.8) return quads;
        var small = quads.Where(q => Math.Min(q.Width, q.Height) * scale < MinTextHeight).ToList();
        if (small.Count == 0) return quads;
        var regions = Regions(small, image.Size());
        // Everything found first inside a region is found again closer: keep only the closer look there.
        var result = quads.Where(q => !regions.Any(r => r.Contains(new Point((int)q.Center.X, (int)q.Center.Y)))).ToList();
        // Close enough for the small text to stand about TargetTextHeight pixels tall, and no closer.
        double textHeight = small.Select(q => Math.Min(q.Width, q.Height)).Order().ElementAt(small.Count / 2);
        double zoomScale = Math.Min(1.0, TargetTextHeight / Math.Max(1, textHeight));
        foreach (var r in regions)
        {
            using var crop = new Mat(image, r);
            var zoom = settings with { MaxSide = Math.Min(MaxZoomSide, (int)Math.Ceiling(Math.Max(r.Width, r.Height) * zoomScale)) };
            result.AddRange(detector.Detect(crop, zoom).Select(q => q.Map(p => new Point2f(p.X + r.X, p.Y + r.Y))));
        }
        return result.OrderBy(q => q.Center.Y).ThenBy(q => q.Center.X).ToList();
    }

    /// <summary>Groups of small lines (boxes grown by their height until neighbours touch), as rectangles in the image.</summary>
    private static List<Rect> Regions(List<TextQuad> small, Size size)
    {
        var rects = small.Select(q =>
        {
            var b = q.Bounds;
            int g = (int)Math.Max(8, 1.5 * Math.Min(q.Width, q.Height));
            return Clip(new Rect(b.X - g, b.Y - g, b.Width + 2 * g, b.Height + 2 * g), size);
        }).ToList();
        bool merged = true;
        while (merged)
        {
            merged = false;
            for (int i = 0; i < rects.Count && !merged; i++)
                for (int j = i + 1; j < rects.Count; j++)
                {
                    if ((rects[i] & rects[j]).Width <= 0) continue;
                    rects[i] = rects[i] | rects[j];
                    rects.RemoveAt(j);
                    merged = true;
                    break;
                }
        }
        return rects;
    }

    private static Rect Clip(Rect r, Size s)
    {
        int x = Math.Max(0, r.X), y = Math.Max(0, r.Y);
        return new Rect(x, y, Math.Max(1, Math.Min(s.Width, r.Right) - x), Math.Max(1, Math.Min(s.Height, r.Bottom) - y));
    }
}
