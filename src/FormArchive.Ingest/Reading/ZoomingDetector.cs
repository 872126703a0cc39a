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
        var unsure = new List<Rect>();
        var quads = detector.Detect(image, settings, unsure);
        double scale = Math.Min(1.0, (double)settings.MaxSide / Math.Max(image.Rows, image.Cols));
        if (scale > 0.8) return quads;
        var small = quads.Where(q => Math.Min(q.Width, q.Height) * scale < MinTextHeight).ToList();
        if (!WorthACloserLook(small)) return quads;
        var regions = Regions(small, unsure, quads, image.Size());
        // Everything found first inside a region is found again closer: keep only the closer look there.
        var result = quads.Where(q => !regions.Any(r => (r & ToRect(q.Bounds)).Width > 0)).ToList();
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

    /// <summary>
    /// Small print is a line of it (a box at least twice as long as tall) or several pieces. One lone small glyph (a
    /// character of a desk's pattern, a speck) is not: zooming for it cost a second detection of most of the frame.
    /// </summary>
    private static bool WorthACloserLook(List<TextQuad> small) =>
        small.Count >= 3 || small.Any(q => Math.Max(q.Width, q.Height) >= 2 * Math.Min(q.Width, q.Height));

    /// <summary>
    /// Groups of small lines (boxes grown by their height until neighbours touch), as rectangles in the image,
    /// together with the unsure regions that touch them: small print merged with a note written across it.
    /// </summary>
    private static List<Rect> Regions(List<TextQuad> small, List<Rect> unsure, List<TextQuad> all, Size size)
    {
        var rects = small.Select(q =>
        {
            var b = q.Bounds;
            int g = (int)Math.Max(8, 1.5 * Math.Min(q.Width, q.Height));
            return Clip(new Rect(b.X - g, b.Y - g, b.Width + 2 * g, b.Height + 2 * g), size);
        }).ToList();
        var touching = unsure.Where(u => rects.Any(r => (r & u).Width > 0)).ToList();
        rects.AddRange(touching);
        Merge(rects);
        // A line found first that reaches into a region is looked at again with it (else it is read twice, whole
        // and in the region's parts).
        var lines = all.Select(q => ToRect(q.Bounds)).ToList();
        for (bool grown = true; grown;)
        {
            grown = false;
            for (int i = 0; i < rects.Count; i++)
                foreach (var l in lines)
                    if ((rects[i] & l).Width > 0 && Clip(rects[i] | l, size) is var u && u != rects[i])
                    {
                        rects[i] = u;
                        grown = true;
                    }
            if (grown) Merge(rects);
        }
        return rects;
    }

    private static Rect ToRect(Ocr.PixelBox b) => new(b.X, b.Y, Math.Max(1, b.Width), Math.Max(1, b.Height));

    /// <summary>Joins rectangles that overlap until none do.</summary>
    private static void Merge(List<Rect> rects)
    {
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
    }

    private static Rect Clip(Rect r, Size s)
    {
        int x = Math.Max(0, r.X), y = Math.Max(0, r.Y);
        return new Rect(x, y, Math.Max(1, Math.Min(s.Width, r.Right) - x), Math.Max(1, Math.Min(s.Height, r.Bottom) - y));
    }
}
