using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Profiling;
using OpenCvSharp;

namespace FormArchive.Ingest.Reading;

/// <summary>How a frame is read.</summary>
public sealed record ReadSettings
{
    public DetectionSettings Detection { get; init; } = new();
    /// <summary>Read the whole frame as one document, without looking for documents in it.</summary>
    public bool WholeFrame { get; init; }
    /// <summary>Also detect with red print dropped (<see cref="RedDropout"/>): lines crossed by 户口簿 rules are found.</summary>
    public bool DropRed { get; init; }
}

/// <summary>
/// Frame → text lines → the document that holds them, flattened, turned upright by its text and read. Which document
/// is read is decided by the text it holds, not by its outline alone; the steps are in docs/ingest-reading.md.
/// </summary>
public sealed class DocumentReader(PaddleOcr ocr)
{
    /// <summary>Share of the text (by area) a document must hold to be read alone.</summary>
    public const double HoldsTheText = 0.85;

    /// <summary>The engine, for reading a place of a document again.</summary>
    public PaddleOcr Ocr => ocr;

    public ReadDocument Read(Mat frame, ReadSettings? settings = null)
    {
        settings ??= new ReadSettings();
        List<DocumentQuad> found = [];
        if (!settings.WholeFrame)
        {
            using (StageTimes.Time("locate")) found = DocumentLocator.Find(frame);
            // A grey scan is read as a card alone at most (documents apart and blocks of print are for colour photos):
            // without one card found, the glance would decide nothing there.
            bool? colour = null;
            bool Colour() => colour ??= PhotoColour.IsColour(frame);
            if (found.Count(d => d.IsCardShaped) == 1 || Colour())
            {
                List<TextQuad> glance;
                using (StageTimes.Time("glance")) glance = ocr.Detector.Detect(frame, new DetectionSettings { MaxSide = GlanceSide });
                if (CardAlone(found, glance) is { } card) return ReadAlone(frame, card, settings);
                if (Colour() && Apart(found, glance) is { } apart) return ReadEach(frame, apart, settings);
                if (Area(glance) > 0 && !found.Any(d => Holds(d, glance)) && TextBlock.Around(glance, frame) is { } block)
                    return ReadAlone(frame, block, settings);
            }
        }
        List<TextQuad> quads;
        using (StageTimes.Time("detect")) quads = Detect(frame, settings, settings.Detection);
        if (!settings.WholeFrame && quads.Count > 0)
        {
            var holder = found.FirstOrDefault(d => Holds(d, quads));
            if (holder is not null)
            {
                Mat flat;
                Homography toFlat;
                using (StageTimes.Time("flatten")) (flat, toFlat) = Flatten(frame, holder);
                var mapped = quads.Where(q => Inside(holder, q.Center)).Select(q => q.Map(toFlat.Apply)).ToList();
                return ReadUpright(flat, mapped, holder.Corners, holder.Method, settings);
            }
        }
        return ReadUpright(frame.Clone(), quads, WholeOf(frame), "frame", settings);
    }

    /// <summary>Long side of the frame's glance: big print only, enough to tell where the text lies.</summary>
    public const int GlanceSide = 400;

    /// <summary>
    /// The one card found, when a glance at the frame (detection at <see cref="GlanceSide"/>, a seventh of the usual
    /// cost) shows it holds the print. A second card, a page under the card, a register page or a frame with no text
    /// seen at a glance is not read as a card alone.
    /// </summary>
    private static DocumentQuad? CardAlone(List<DocumentQuad> found, List<TextQuad> glance)
    {
        var cards = found.Where(d => d.IsCardShaped).ToList();
        if (cards.Count != 1 || Area(glance) <= 0) return null;
        return Holds(cards[0], glance) && !CutsPrint(cards[0], glance) ? cards[0] : null;
    }

    /// <summary>Whether a document holds the lines: <see cref="HoldsTheText"/> of their area has its centre in it.</summary>
    private static bool Holds(DocumentQuad d, List<TextQuad> lines) => Share(d, lines) >= HoldsTheText * Area(lines);

    /// <summary>The lines' area.</summary>
    private static double Area(IEnumerable<TextQuad> lines) => lines.Sum(q => q.Width * q.Height);

    /// <summary>
    /// Whether a document's quad cuts through print: a glanced line centred in it reaches out of it by more than its
    /// own height (and the 2 % margin flattening keeps). A quad found on part of a card (its edge lost in glare or
    /// against a desk of its colour) would cut the lines off at the quad's edge; the frame is read instead.
    /// </summary>
    private static bool CutsPrint(DocumentQuad d, List<TextQuad> glance)
    {
        double margin = 0.02 * Math.Max(d.Corners.Width, d.Corners.Height);
        return glance.Where(q => Inside(d, q.Center))
            .Any(q => q.Points.Any(p => Cv2.PointPolygonTest(d.Corners.Points, p, true) < -(Math.Min(q.Width, q.Height) + margin)));
    }

    /// <summary>Area of the lines whose centres lie in the document.</summary>
    private static double Share(DocumentQuad d, List<TextQuad> lines) => Area(lines.Where(q => Inside(d, q.Center)));

    /// <summary>Least share of the glanced print a document must hold to count as one of several read apart.</summary>
    private const double HoldsAPart = 0.1;

    /// <summary>
    /// Documents to read each apart, in the frame's reading order: two or more documents found apart from each other (a
    /// card's front and back side by side on the desk, each lying its own way) that each hold a tenth of the glanced
    /// print and together hold the text. Read whole, one document upside down beside another upright puts a card's
    /// number left of its label. Only in colour photos: a grey copy is read whole, its cards were copied one way.
    /// </summary>
    private static List<DocumentQuad>? Apart(List<DocumentQuad> found, List<TextQuad> glance)
    {
        double total = Area(glance);
        if (found.Count < 2 || total <= 0) return null;
        var holding = found.Where(d => Share(d, glance) >= HoldsAPart * total).ToList();
        if (holding.Any(d => CutsPrint(d, glance))) return null;
        bool disjoint = holding.All(a => holding.All(b => ReferenceEquals(a, b) || (!Inside(a, b.Corners.Center) && !Inside(b, a.Corners.Center))));
        if (holding.Count < 2 || !disjoint || holding.Sum(d => Share(d, glance)) < HoldsTheText * total) return null;
        return holding.OrderBy(d => d.Corners.Bounds.Y).ThenBy(d => d.Corners.Bounds.X).ToList();
    }

    /// <summary>Share of the usual detection size a flattened card is detected at: its print is large on it.</summary>
    private const double CardDetectionShare = 2.0 / 3;

    /// <summary>
    /// A card (or a block of print) alone: flattened first and detected on its own, at two thirds of the usual size
    /// (a card's print stands 20–30 pixels tall there). A card filling a tenth of the frame is seen closer than the
    /// frame's detection would; one filling half of it, at a third of the cost.
    /// </summary>
    private ReadDocument ReadAlone(Mat frame, DocumentQuad card, ReadSettings settings)
    {
        var (flat, quads) = FlattenAndDetect(frame, card, settings);
        return ReadUpright(flat, quads, card.Corners, card.Method, settings);
    }

    /// <summary>A document flattened and its lines detected on it alone, at <see cref="CardDetectionShare"/> of the usual size.</summary>
    private (Mat Flat, List<TextQuad> Quads) FlattenAndDetect(Mat frame, DocumentQuad doc, ReadSettings settings)
    {
        Mat flat;
        // Bilinear: a card's print is large, and the cubic warp costs three times as much (docs/measurements.md).
        using (StageTimes.Time("flatten")) (flat, _) = Flatten(frame, doc, InterpolationFlags.Linear);
        List<TextQuad> quads;
        var detection = settings.Detection with { MaxSide = (int)Math.Round(settings.Detection.MaxSide * CardDetectionShare) };
        using (StageTimes.Time("detect")) quads = Detect(flat, settings, detection);
        return (flat, quads);
    }

    /// <summary>
    /// Several documents, each flattened, detected alone and turned upright by its own lines, then set one below the
    /// other on white (as a photocopy of them would be) and read as one page: the archival image shows them all upright.
    /// </summary>
    private ReadDocument ReadEach(Mat frame, List<DocumentQuad> docs, ReadSettings settings)
    {
        var parts = new List<Upright>();
        foreach (var doc in docs)
        {
            var (flat, found) = FlattenAndDetect(frame, doc, settings);
            var part = TurnUpright(flat, found);
            foreach (var s in part.Strips) s.Dispose();
            parts.Add(part);
        }
        int width = parts.Max(p => p.Image.Cols), gap = Math.Max(8, width / 50);
        var page = new Mat(parts.Sum(p => p.Image.Rows) + gap * (parts.Count - 1), width, MatType.CV_8UC3, Scalar.White);
        var quads = new List<TextQuad>();
        int y = 0;
        foreach (var part in parts)
        {
            using (var place = new Mat(page, new Rect(0, y, part.Image.Cols, part.Image.Rows))) part.Image.CopyTo(place);
            int top = y;
            quads.AddRange(part.Quads.Select(q => q.Map(p => new Point2f(p.X, p.Y + top))));
            y += part.Image.Rows + gap;
            part.Image.Dispose();
        }
        return ReadUpright(page, quads, WholeOf(frame), "documents", settings);
    }

    /// <summary>The frame's own corners: the document when the frame is read whole.</summary>
    private static TextQuad WholeOf(Mat frame) =>
        new(new(0, 0), new(frame.Cols - 1, 0), new(frame.Cols - 1, frame.Rows - 1), new(0, frame.Rows - 1));

    /// <summary>Lines of an image, looking closer where they are small; with red print dropped too when asked.</summary>
    private List<TextQuad> Detect(Mat image, ReadSettings settings, DetectionSettings detection)
    {
        var detector = new ZoomingDetector(ocr.Detector);
        var quads = detector.Detect(image, detection);
        // With red print dropped, a number printed across a red rule is found as a line of its own; the red
        // labels vanish there, so those lines join the ones found as printed.
        if (settings.DropRed)
        {
            using var dropped = RedDropout.Apply(image);
            var more = detector.Detect(dropped, detection).Where(q => !quads.Any(k => Overlaps(k, q))).ToList();
            quads = [.. quads, .. more];
        }
        return quads;
    }

    private static bool Inside(DocumentQuad d, Point2f p) => Cv2.PointPolygonTest(d.Corners.Points, p, false) >= 0;

    /// <summary>Two detected lines overlap when either's centre lies in the other's box.</summary>
    private static bool Overlaps(TextQuad a, TextQuad b) =>
        Cv2.PointPolygonTest(a.Points, b.Center, false) >= 0 || Cv2.PointPolygonTest(b.Points, a.Center, false) >= 0;

    /// <summary>
    /// The document's quad warped to a rectangle, with a margin of 2 % of its long side kept around it: a quad found a
    /// little inside the document's edge (rounded corners, a shadow) must not cut off print that runs close to it.
    /// Cubic by default: a register page's small print is resampled twice (here and when its lines are cut), and
    /// bilinear sampling blurred its two-line labels out of reach (户主关系 read as 关用).
    /// </summary>
    public static (Mat Flat, Homography FrameToFlat) Flatten(Mat frame, DocumentQuad doc, InterpolationFlags sampling = InterpolationFlags.Cubic)
    {
        var size = doc.FlatSize;
        float m = 0.02f * Math.Max(size.Width, size.Height);
        var outSize = new Size((int)Math.Round(size.Width + 2 * m), (int)Math.Round(size.Height + 2 * m));
        using var t = Cv2.GetPerspectiveTransform(doc.Corners.Points,
            [new Point2f(m, m), new Point2f(m + size.Width - 1, m), new Point2f(m + size.Width - 1, m + size.Height - 1), new Point2f(m, m + size.Height - 1)]);
        var flat = new Mat();
        Cv2.WarpPerspective(frame, flat, t, outSize, sampling, BorderTypes.Replicate);
        return (flat, Homography.FromMat(t));
    }

    /// <summary>A document turned upright by its lines, with its lines cut and classified (the caller owns image and strips).</summary>
    private sealed record Upright(Mat Image, List<TextQuad> Quads, int Turns, double Skew, List<Mat> Strips, float[] UpsideDown);

    /// <summary>
    /// Turns a document (whose image this call owns) upright by its lines: their run decides a quarter turn, the median
    /// slope of the long ones the tilt left, the direction classifier's vote over them 0° or 180°.
    /// </summary>
    private Upright TurnUpright(Mat image, List<TextQuad> quads)
    {
        int turns = 0;
        double skew = 0;
        void Apply(Homography map) => quads = quads.Select(q => q.Map(map.Apply)).ToList();

        // Text runs along the long side of its boxes: mostly tall boxes mean the document lies on its side.
        double vertical = quads.Where(q => q.Height > q.Width * 1.2).Sum(q => q.Width * q.Height);
        double horizontal = quads.Where(q => q.Width > q.Height * 1.2).Sum(q => q.Width * q.Height);
        if (vertical > horizontal)
        {
            Apply(QuadTransforms.TurnClockwise(image, 90));
            turns = 90;
        }
        // What tilt is left (a flatbed page, or a loose document quad) is the median slope of the long lines.
        var slopes = quads.Where(q => q.Width >= 3 * q.Height).Select(q => QuadTransforms.Angle(q.TopLeft, q.TopRight)).OrderBy(a => a).ToList();
        if (slopes.Count >= 2 && Math.Abs(slopes[slopes.Count / 2]) >= 1.0)
        {
            skew = slopes[slopes.Count / 2];
            var (rotated, map) = QuadTransforms.Rotate(image, -skew);
            image.Dispose();
            image = rotated;
            Apply(map);
        }

        var strips = quads.Select(q => TextLineCrop.Cut(image, q)).ToList();
        float[] upsideDown;
        using (StageTimes.Time("classify")) upsideDown = ocr.Classifier.UpsideDownProbability(strips);
        // The classifier's vote over the lines decides whether the whole document is upside down.
        double up = 0, all = 0;
        for (int i = 0; i < strips.Count; i++)
        {
            double weight = strips[i].Cols / (double)strips[i].Rows >= 2 ? strips[i].Cols : 0;
            all += weight;
            if (upsideDown[i] > 0.5) up += weight;
        }
        if (all > 0 && up > all / 2)
        {
            Apply(QuadTransforms.TurnClockwise(image, 180));
            turns += 180;
            for (int i = 0; i < strips.Count; i++)
            {
                Cv2.Rotate(strips[i], strips[i], RotateFlags.Rotate180);
                upsideDown[i] = 1 - upsideDown[i];
            }
        }
        return new Upright(image, quads, turns, skew, strips, upsideDown);
    }

    /// <summary>Turns upright and reads one document (whose image this call owns) with its detected lines.</summary>
    private ReadDocument ReadUpright(Mat image, List<TextQuad> quads, TextQuad frameCorners, string located, ReadSettings settings)
    {
        var upright = TurnUpright(image, quads);
        try
        {
            StripText[] texts;
            bool[] flipped;
            using (StageTimes.Time("recognise")) (texts, flipped) = ocr.ReadStrips(upright.Strips, upright.UpsideDown);
            var lines = upright.Quads.Select((q, i) => new RecognizedLine(q, texts[i].Text, texts[i].Confidence) { Flipped = flipped[i] })
                .Where(l => l.Text.Length > 0).OrderBy(l => l.Quad.Center.Y).ThenBy(l => l.Quad.Center.X).ToList();

            // The document's top edge in the frame, turned as the content was: its angle is the total rotation.
            double theta = QuadTransforms.EdgeAngle(frameCorners) + upright.Skew - upright.Turns;
            int quarter = (int)(((Math.Round(theta / 90) * 90) % 360 + 360) % 360);
            double residual = theta - Math.Round(theta / 90) * 90;
            return new ReadDocument
            {
                Image = upright.Image, Lines = lines, Orientation = (360 - quarter) % 360, SkewDegrees = Math.Round(residual, 2),
                FrameCorners = frameCorners, Located = located,
            };
        }
        finally
        {
            foreach (var s in upright.Strips) s.Dispose();
        }
    }
}
