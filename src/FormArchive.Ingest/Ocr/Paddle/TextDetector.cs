using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace FormArchive.Ingest.Ocr.Paddle;

/// <summary>Settings of DB text detection (PaddleOCR's defaults, as measured in the probe of issue 10).</summary>
public sealed record DetectionSettings
{
    /// <summary>The image is scaled down so its long side is at most this (never up).</summary>
    public int MaxSide { get; init; } = 960;
    public float BinaryThreshold { get; init; } = 0.3f;
    public float BoxThreshold { get; init; } = 0.6f;
    /// <summary>How far a box grows: area × ratio / perimeter on every side.</summary>
    public double UnclipRatio { get; init; } = 1.5;
    public int MaxCandidates { get; init; } = 1000;
}

/// <summary>
/// PP-OCRv4 DB text detection: the probability map of text, thresholded, each connected region's minimum-area
/// rectangle scored by the mean probability inside it and grown ("unclipped") to cover the glyphs.
/// </summary>
public sealed class TextDetector(InferenceSession session)
{
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>Text quads in <paramref name="bgr"/> (8-bit, 3 channels, BGR order as PaddleOCR reads with OpenCV).</summary>
    public List<TextQuad> Detect(Mat bgr, DetectionSettings? settings = null) => Detect(bgr, settings, null);

    /// <summary>
    /// Text quads, and in <paramref name="unsure"/> (image pixels) the bounds of each region that did not hold as one
    /// line: where lines touch, a closer look may part them.
    /// </summary>
    public List<TextQuad> Detect(Mat bgr, DetectionSettings? settings, List<Rect>? unsure)
    {
        settings ??= new DetectionSettings();
        int h = bgr.Rows, w = bgr.Cols;
        double scale = Math.Min(1.0, (double)settings.MaxSide / Math.Max(h, w));
        int rh = Math.Max(32, (int)Math.Round(h * scale / 32) * 32), rw = Math.Max(32, (int)Math.Round(w * scale / 32) * 32);
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(rw, rh));
        var input = ToTensor(resized);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        var prob = results[0].AsTensor<float>();
        int ph = prob.Dimensions[2], pw = prob.Dimensions[3];
        using var map = new Mat(ph, pw, MatType.CV_32FC1);
        CopyTo(prob, map);
        using var mask = new Mat();
        Cv2.Threshold(map, mask, settings.BinaryThreshold, 255, ThresholdTypes.Binary);
        using var mask8 = new Mat();
        mask.ConvertTo(mask8, MatType.CV_8UC1);
        // Every outline, holes included (as PaddleOCR's list); a hole is never split (what lies inside it is found on its own).
        Cv2.FindContours(mask8, out var contours, out var hierarchy, RetrievalModes.CComp, ContourApproximationModes.ApproxSimple);
        double sx = (double)w / pw, sy = (double)h / ph;
        var quads = new List<TextQuad>();
        TextQuad Scale(RotatedRect grown) => TextQuad.Order(grown.Points()).Map(p => new Point2f(
            (float)Math.Clamp(p.X * sx, 0, w - 1), (float)Math.Clamp(p.Y * sy, 0, h - 1)));
        for (int i = 0; i < Math.Min(contours.Length, settings.MaxCandidates); i++)
        {
            bool hole = hierarchy[i].Parent >= 0;
            if (!Consider(contours[i], map, settings, hole ? NoSplit : settings.BinaryThreshold, quads, Scale) && unsure is not null && !hole)
            {
                var b = Cv2.BoundingRect(contours[i]);
                int x0 = (int)Math.Floor(b.X * sx), y0 = (int)Math.Floor(b.Y * sy);
                unsure.Add(new Rect(x0, y0, Math.Min(w, (int)Math.Ceiling(b.Right * sx)) - x0, Math.Min(h, (int)Math.Ceiling(b.Bottom * sy)) - y0));
            }
        }
        // Reading order: top to bottom, then left to right within a line.
        return quads.OrderBy(q => q.Center.Y).ThenBy(q => q.Center.X).ToList();
    }

    /// <summary>How much higher the threshold is set, each time, to split a region that is not one line.</summary>
    private const float SplitStep = 0.2f;

    /// <summary>A threshold from which a region is never split again (a hole: what lies inside it is found on its own).</summary>
    private const float NoSplit = 1f;

    /// <summary>
    /// One region of the thresholded map. A region whose rectangle is mostly empty may be lines that touch (a
    /// handwritten note across a card's number, a ruled cell's line against its text): it is thresholded higher,
    /// where touching strokes part, and each part is considered on its own.
    /// </summary>
    /// <returns>False for a region large enough to matter that did not hold as one line.</returns>
    private static bool Consider(Point[] contour, Mat map, DetectionSettings settings, float threshold, List<TextQuad> quads, Func<RotatedRect, TextQuad> scale)
    {
        var rect = Cv2.MinAreaRect(contour);
        if (Math.Min(rect.Size.Width, rect.Size.Height) < 3) return true;
        if (RectScore(map, rect) >= settings.BoxThreshold)
        {
            var grown = Unclip(rect, settings.UnclipRatio);
            if (Math.Min(grown.Size.Width, grown.Size.Height) >= 5) quads.Add(scale(grown));
            return true;
        }
        float higher = threshold + SplitStep;
        if (higher > 0.9f) return false;
        var box = Cv2.BoundingRect(contour);
        using var region = new Mat(box.Height, box.Width, MatType.CV_8UC1, Scalar.Black);
        Cv2.DrawContours(region, [contour], 0, Scalar.White, -1, offset: new Point(-box.X, -box.Y));
        using var sub = new Mat(map, box);
        using var strong = new Mat();
        Cv2.Threshold(sub, strong, higher, 255, ThresholdTypes.Binary);
        using var strong8 = new Mat();
        strong.ConvertTo(strong8, MatType.CV_8UC1);
        Cv2.BitwiseAnd(strong8, region, strong8);
        Cv2.FindContours(strong8, out var parts, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple, new Point(box.X, box.Y));
        foreach (var part in parts) Consider(part, map, settings, higher, quads, scale);
        return false;
    }

    /// <summary>Mean probability inside the rotated rectangle (not inside the contour), as PaddleOCR's "fast" score.</summary>
    private static double RectScore(Mat map, RotatedRect rect)
    {
        var pts = rect.Points();
        int x0 = Math.Clamp((int)Math.Floor(pts.Min(p => p.X)), 0, map.Cols - 1), x1 = Math.Clamp((int)Math.Ceiling(pts.Max(p => p.X)), 0, map.Cols - 1);
        int y0 = Math.Clamp((int)Math.Floor(pts.Min(p => p.Y)), 0, map.Rows - 1), y1 = Math.Clamp((int)Math.Ceiling(pts.Max(p => p.Y)), 0, map.Rows - 1);
        var roi = new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
        using var mask = new Mat(roi.Height, roi.Width, MatType.CV_8UC1, Scalar.Black);
        Cv2.FillPoly(mask, [pts.Select(p => new Point((int)Math.Round(p.X) - x0, (int)Math.Round(p.Y) - y0)).ToArray()], Scalar.White);
        using var sub = new Mat(map, roi);
        return Cv2.Mean(sub, mask).Val0;
    }

    /// <summary>Grows the rectangle by area × ratio / perimeter on every side (the offset PaddleOCR computes with a polygon clipper).</summary>
    private static RotatedRect Unclip(RotatedRect r, double ratio)
    {
        double area = r.Size.Width * r.Size.Height, perimeter = 2 * (r.Size.Width + r.Size.Height);
        double d = perimeter > 0 ? area * ratio / perimeter : 0;
        return new RotatedRect(r.Center, new Size2f(r.Size.Width + 2 * d, r.Size.Height + 2 * d), r.Angle);
    }

    private static DenseTensor<float> ToTensor(Mat bgr)
    {
        int h = bgr.Rows, w = bgr.Cols;
        var t = new DenseTensor<float>([1, 3, h, w]);
        var span = t.Buffer.Span;
        int plane = h * w;
        unsafe
        {
            for (int y = 0; y < h; y++)
            {
                byte* row = (byte*)bgr.Ptr(y);
                for (int x = 0; x < w; x++)
                    for (int c = 0; c < 3; c++)
                        span[c * plane + y * w + x] = (row[x * 3 + c] / 255f - Mean[c]) / Std[c];
            }
        }
        return t;
    }

    private static void CopyTo(Tensor<float> prob, Mat map)
    {
        var dense = prob as DenseTensor<float> ?? prob.ToDenseTensor();
        var src = dense.Buffer.Span;
        unsafe
        {
            fixed (float* p = src)
                Buffer.MemoryCopy(p, (void*)map.Data, (long)map.Total() * 4, (long)src.Length * 4);
        }
    }
}
