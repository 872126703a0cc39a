using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Imaging;

/// <summary>
/// Finds documents (cards, booklet pages, A4 sheets) in a photo or scan: quadrilaterals bounded by strong edges or
/// set apart from the desk by colour, on a small copy of the frame, with corners refined on the edges. A frame
/// that is all document (a flatbed scan) yields no quad.
/// </summary>
public static class DocumentLocator
{
    private const int WorkSide = 720;

    /// <summary>Documents in <paramref name="bgr"/>, largest first, each at least <paramref name="minAreaFraction"/> of the frame.</summary>
    public static List<DocumentQuad> Find(Mat bgr, double minAreaFraction = 0.06, int max = 4)
    {
        OpenCvThreads.Ensure();
        double scale = Math.Min(1.0, (double)WorkSide / Math.Max(bgr.Rows, bgr.Cols));
        using var small = new Mat();
        Cv2.Resize(bgr, small, new Size(Math.Max(1, (int)(bgr.Cols * scale)), Math.Max(1, (int)(bgr.Rows * scale))), 0, 0, InterpolationFlags.Area);
        double frameArea = small.Rows * (double)small.Cols;
        var candidates = new List<DocumentQuad>();
        using var lab = new Mat();
        Cv2.CvtColor(small, lab, ColorConversionCodes.BGR2Lab);
        using (var edges = EdgeMask(lab)) candidates.AddRange(Quads(edges, frameArea, minAreaFraction, "edges"));
        using (var fore = ForegroundMask(lab)) candidates.AddRange(Quads(fore, frameArea, minAreaFraction, "colour"));
        // Overlapping candidates describe one document: keep the surest of each group.
        var kept = new List<DocumentQuad>();
        // The surest first (an outline that fills its quad), then the larger.
        foreach (var c in candidates.OrderByDescending(c => Math.Round(c.Confidence * 20)).ThenByDescending(c => c.Area))
            if (!kept.Any(k => Overlap(k, c) > 0.5)) kept.Add(c);
        double inv = 1 / scale;
        return kept.Take(max).Select(k => k with { Corners = k.Corners.Map(p => new Point2f((float)(p.X * inv), (float)(p.Y * inv))) })
            .OrderByDescending(k => k.Area).ToList();
    }

    /// <summary>
    /// Edges of every colour channel (Lab), closed so a document's outline is one contour despite glare and text.
    /// Thresholds follow each channel's own gradients (a light card on a white desk has faint edges), not its brightness.
    /// </summary>
    private static Mat EdgeMask(Mat lab)
    {
        using var blurred = new Mat();
        Cv2.GaussianBlur(lab, blurred, new Size(5, 5), 0);
        var channels = Cv2.Split(blurred);
        var all = new Mat(lab.Size(), MatType.CV_8UC1, Scalar.Black);
        foreach (var ch in channels)
        {
            using (ch)
            {
                double high = GradientPercentile(ch, 0.97);
                if (high < 4) continue; // a flat channel (grey image's a and b)
                using var e = new Mat();
                Cv2.Canny(ch, e, Math.Max(4, high * 0.4), Math.Max(10, high));
                Cv2.BitwiseOr(all, e, all);
            }
        }
        using var k = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5));
        Cv2.MorphologyEx(all, all, MorphTypes.Close, k);
        return all;
    }

    /// <summary>The <paramref name="q"/> quantile of the channel's Sobel gradient magnitude (L1, as Canny measures it).</summary>
    private static double GradientPercentile(Mat channel, double q)
    {
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(channel, gx, MatType.CV_32F, 1, 0);
        Cv2.Sobel(channel, gy, MatType.CV_32F, 0, 1);
        // |gx| + |gy| with plain Mats (a MatExpr temporary can be collected before OpenCV reads it). Against a zero
        // Mat, not Scalar.All(0): OpenCvSharp's scalar operand takes a slow path (docs/measurements.md).
        using var ax = new Mat();
        using var ay = new Mat();
        using var zero = new Mat(gx.Size(), gx.Type(), Scalar.All(0));
        Cv2.Absdiff(gx, zero, ax);
        Cv2.Absdiff(gy, zero, ay);
        using var mag = new Mat();
        Cv2.Add(ax, ay, mag);
        return Percentile(mag.Reshape(1, mag.Rows * mag.Cols), q);
    }

    /// <summary>Pixels unlike the frame's border (the desk), in Lab distance, opened and closed.</summary>
    private static Mat ForegroundMask(Mat lab8)
    {
        using var lab = new Mat();
        lab8.ConvertTo(lab, MatType.CV_32FC3);
        int rows = lab.Rows, cols = lab.Cols, b = Math.Max(2, Math.Min(rows, cols) / 40);
        // The desk's colour: the per-channel median of the frame's border strips.
        var strips = new[] { new Rect(0, 0, cols, b), new Rect(0, rows - b, cols, b), new Rect(0, 0, b, rows), new Rect(cols - b, 0, b, rows) };
        var border = new Mat();
        Cv2.VConcat(strips.Select(r => new Mat(lab, r).Clone().Reshape(3, r.Width * r.Height)).ToArray(), border);
        var desk = new Scalar(ChannelMedian(border, 0), ChannelMedian(border, 1), ChannelMedian(border, 2));
        // Against Mats of the desk's colour, not the Scalar itself (OpenCvSharp's scalar operand is slow, see GradientPercentile).
        using var deskFrame = new Mat(lab.Size(), lab.Type(), desk);
        using var diff = new Mat();
        Cv2.Subtract(lab, deskFrame, diff);
        using var squared = new Mat();
        Cv2.Multiply(diff, diff, squared);
        using var flat = squared.Reshape(1, rows * cols);
        using var sum = new Mat();
        Cv2.Reduce(flat, sum, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32F);
        using var distance = new Mat();
        Cv2.Sqrt(sum.Reshape(1, rows), distance);
        // The desk's own spread (texture, vignetting) sets the bar.
        using var borderDiff = new Mat();
        using (var deskBorder = new Mat(border.Size(), border.Type(), desk)) Cv2.Subtract(border, deskBorder, borderDiff);
        Cv2.Multiply(borderDiff, borderDiff, borderDiff);
        using var borderSum = new Mat();
        Cv2.Reduce(borderDiff.Reshape(1, border.Rows), borderSum, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_32F);
        Cv2.Sqrt(borderSum, borderSum);
        double spread = Percentile(borderSum, 0.9);
        border.Dispose();
        var mask = new Mat();
        Cv2.Threshold(distance, mask, Math.Max(18, spread * 1.6), 255, ThresholdTypes.Binary);
        mask.ConvertTo(mask, MatType.CV_8UC1);
        using var k = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(7, 7));
        Cv2.MorphologyEx(mask, mask, MorphTypes.Open, k);
        Cv2.MorphologyEx(mask, mask, MorphTypes.Close, k, iterations: 2);
        return mask;
    }

    private static double ChannelMedian(Mat pixels, int channel)
    {
        using var one = new Mat();
        Cv2.ExtractChannel(pixels, one, channel);
        return Percentile(one, 0.5);
    }

    /// <summary>A quantile of a one-channel float Mat, from an even sample of at most 16,384 values.</summary>
    private static double Percentile(Mat values, double q)
    {
        values.GetArray(out float[] all);
        if (all.Length == 0) return 0;
        int step = Math.Max(1, all.Length / 16384);
        var a = new float[(all.Length + step - 1) / step];
        for (int i = 0, j = 0; i < all.Length; i += step, j++) a[j] = all[i];
        Array.Sort(a);
        return a[Math.Min(a.Length - 1, (int)(a.Length * q))];
    }

    private static IEnumerable<DocumentQuad> Quads(Mat mask, double frameArea, double minAreaFraction, string method)
    {
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxNone);
        foreach (var c in contours)
        {
            var hull = Cv2.ConvexHull(c);
            double area = Cv2.ContourArea(hull);
            // A "document" filling nine tenths of the frame is the frame itself (a flatbed page, a frame-wide edge).
            if (area < frameArea * minAreaFraction || area > frameArea * 0.9) continue;
            var rect = Cv2.MinAreaRect(hull);
            double rectArea = rect.Size.Width * rect.Size.Height;
            double fill = rectArea > 0 ? area / rectArea : 0;
            double peri = Cv2.ArcLength(hull, true);
            var approx = Cv2.ApproxPolyDP(hull, 0.02 * peri, true);
            TextQuad quad;
            double confidence;
            if (approx.Length == 4 && Cv2.IsContourConvex(approx))
            {
                quad = Refine(TextQuad.Order(approx.Select(p => new Point2f(p.X, p.Y)).ToArray()), c);
                confidence = Math.Min(1, fill + 0.1);
            }
            else if (fill > 0.85)
            {
                quad = TextQuad.Order(rect.Points());
                confidence = fill - 0.1;
            }
            else continue;
            if (!Plausible(quad)) continue;
            // A document touching the frame on two opposite sides is a flatbed page, not a document on a desk.
            var bounds = quad.Bounds;
            bool spansWidth = bounds.X <= 2 && bounds.Right >= mask.Cols - 3, spansHeight = bounds.Y <= 2 && bounds.Bottom >= mask.Rows - 3;
            if (spansWidth && spansHeight) continue;
            yield return new DocumentQuad(quad, confidence, method);
        }
    }

    /// <summary>
    /// A rectangle seen by a camera: corners within 15° of square (a tilt that moves corners by 6 % of the size turns them by
    /// well under 10°) and opposite sides within a third of each other.
    /// A quad cut by glare or merged with a shadow fails and is not flattened (the frame is read instead).
    /// </summary>
    private static bool Plausible(TextQuad q)
    {
        var p = q.Points;
        double Len(int i) => Dist(p[i], p[(i + 1) % 4]);
        for (int i = 0; i < 4; i++)
        {
            var a = p[(i + 3) % 4]; var b = p[i]; var c = p[(i + 1) % 4];
            double ux = a.X - b.X, uy = a.Y - b.Y, vx = c.X - b.X, vy = c.Y - b.Y;
            double cos = (ux * vx + uy * vy) / Math.Max(1e-6, Math.Sqrt(ux * ux + uy * uy) * Math.Sqrt(vx * vx + vy * vy));
            if (Math.Abs(cos) > Math.Sin(15 * Math.PI / 180)) return false;
        }
        return Math.Min(Len(0), Len(2)) >= 0.67 * Math.Max(Len(0), Len(2)) && Math.Min(Len(1), Len(3)) >= 0.67 * Math.Max(Len(1), Len(3));
    }

    /// <summary>Each side refitted as a line through the contour points near it; corners where the lines meet.</summary>
    private static TextQuad Refine(TextQuad quad, Point[] contour)
    {
        var corners = quad.Points;
        var lines = new Line2D[4];
        for (int s = 0; s < 4; s++)
        {
            var a = corners[s];
            var b = corners[(s + 1) % 4];
            double len = Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y));
            if (len < 1) return quad;
            double nx = -(b.Y - a.Y) / len, ny = (b.X - a.X) / len;
            var near = contour.Where(p =>
            {
                double t = ((p.X - a.X) * (b.X - a.X) + (p.Y - a.Y) * (b.Y - a.Y)) / (len * len);
                double d = Math.Abs((p.X - a.X) * nx + (p.Y - a.Y) * ny);
                return t is > 0.1 and < 0.9 && d < Math.Max(3, len * 0.02);
            }).ToArray();
            if (near.Length < 2) return quad;
            lines[s] = Cv2.FitLine(near, DistanceTypes.Huber, 0, 0.01, 0.01);
        }
        var refined = new Point2f[4];
        for (int i = 0; i < 4; i++)
        {
            var p = Intersect(lines[(i + 3) % 4], lines[i]);
            if (p is null || Dist(p.Value, corners[i]) > 12) return quad;
            refined[i] = p.Value;
        }
        return new TextQuad(refined[0], refined[1], refined[2], refined[3]);
    }

    private static Point2f? Intersect(Line2D a, Line2D b)
    {
        double det = a.Vx * b.Vy - a.Vy * b.Vx;
        if (Math.Abs(det) < 1e-6) return null;
        double t = ((b.X1 - a.X1) * b.Vy - (b.Y1 - a.Y1) * b.Vx) / det;
        return new Point2f((float)(a.X1 + t * a.Vx), (float)(a.Y1 + t * a.Vy));
    }

    private static double Overlap(DocumentQuad a, DocumentQuad b)
    {
        var ra = a.Corners.Bounds; var rb = b.Corners.Bounds;
        int x0 = Math.Max(ra.X, rb.X), y0 = Math.Max(ra.Y, rb.Y), x1 = Math.Min(ra.Right, rb.Right), y1 = Math.Min(ra.Bottom, rb.Bottom);
        if (x1 <= x0 || y1 <= y0) return 0;
        double inter = (x1 - x0) * (double)(y1 - y0);
        return inter / Math.Min(ra.Width * (double)ra.Height, rb.Width * (double)rb.Height);
    }

    private static double Dist(Point2f a, Point2f b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
