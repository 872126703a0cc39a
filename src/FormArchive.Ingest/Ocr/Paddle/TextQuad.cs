using OpenCvSharp;

namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>A detected text region: four corners, top-left, top-right, bottom-right, bottom-left, in image pixels.</summary>
public readonly record struct TextQuad(Point2f TopLeft, Point2f TopRight, Point2f BottomRight, Point2f BottomLeft)
{
    public Point2f[] Points => [TopLeft, TopRight, BottomRight, BottomLeft];
    public double Width => Math.Max(Distance(TopLeft, TopRight), Distance(BottomLeft, BottomRight));
    public double Height => Math.Max(Distance(TopLeft, BottomLeft), Distance(TopRight, BottomRight));
    public Point2f Center => new((TopLeft.X + TopRight.X + BottomRight.X + BottomLeft.X) / 4, (TopLeft.Y + TopRight.Y + BottomRight.Y + BottomLeft.Y) / 4);

    /// <summary>The axis-aligned box around the quad.</summary>
    public PixelBox Bounds
    {
        get
        {
            var p = Points;
            int x0 = (int)Math.Floor(p.Min(q => q.X)), y0 = (int)Math.Floor(p.Min(q => q.Y));
            int x1 = (int)Math.Ceiling(p.Max(q => q.X)), y1 = (int)Math.Ceiling(p.Max(q => q.Y));
            return new PixelBox(x0, y0, Math.Max(1, x1 - x0), Math.Max(1, y1 - y0));
        }
    }

    /// <summary>Orders four points as top-left, top-right, bottom-right, bottom-left (PaddleOCR's rule).</summary>
    public static TextQuad Order(IReadOnlyList<Point2f> pts)
    {
        var byX = pts.OrderBy(p => p.X).ToArray();
        var (l0, l1) = byX[0].Y <= byX[1].Y ? (byX[0], byX[1]) : (byX[1], byX[0]);
        var (r0, r1) = byX[2].Y <= byX[3].Y ? (byX[2], byX[3]) : (byX[3], byX[2]);
        return new TextQuad(l0, r0, r1, l1);
    }

    /// <summary>The quad with every point mapped by <paramref name="map"/>, re-ordered.</summary>
    public TextQuad Map(Func<Point2f, Point2f> map) => Order(Points.Select(map).ToArray());

    private static double Distance(Point2f a, Point2f b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
