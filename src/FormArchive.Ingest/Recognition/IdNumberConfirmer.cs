using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Profiling;
using OpenCvSharp;

namespace FormArchive.Ingest.Recognition;

/// <summary>Which independent reads of a number line may confirm the first.</summary>
public enum SecondReads
{
    /// <summary>PP-OCR with red print dropped, then Tesseract (digits only) when those two disagree.</summary>
    PaddleThenTesseract,
    /// <summary>PP-OCR alone: the red-dropped re-read only.</summary>
    PaddleOnly,
}

/// <summary>
/// Decides an ID number line: the first read, a re-read of the same line cut wider with red print dropped (户口簿 rules
/// crossing the number vanish, black ink stays), then, while no two reads agree, other cuts and Tesseract's
/// digit-only reads of the line. A number is valid only when it validates (GB 11643 checksum, birth date, province) in two reads that agree,
/// and no other valid number has as many. A line whose printed birth date is known must agree with it too.
/// </summary>
public sealed class IdNumberConfirmer(PaddleOcr ocr, TesseractPool? tesseract, SecondReads mode = SecondReads.PaddleThenTesseract)
{
    /// <summary>Reads that must agree on an invalid number before it is taken as printed so.</summary>
    public const int InvalidAgreement = 4;

    /// <summary>The number on the line, valid or not; null when no read holds an 18-character number at all.</summary>
    public IdNumberRead? Confirm(Mat document, IdNumberLine found)
    {
        var votes = new IdNumberVotes(found);
        using (StageTimes.Time("id.reread"))
            ReadUntilSettled(document, found, votes);
        return votes.Verdict(found.Line.Quad.Bounds);
    }

    /// <summary>The first read and the wide cut with red print dropped, then <see cref="FurtherReads"/> while no two agree.</summary>
    private void ReadUntilSettled(Mat document, IdNumberLine found, IdNumberVotes votes)
    {
        var quad = Clip(found.Line.Quad, document);
        using var tight = Cut(document, quad, found.Line.Flipped);
        // A place where the number should stand has no first read yet: read it from the image.
        votes.Add(AfterLabel(found.Expected ? Read(tight) : found.Line.Text));
        using var wide = Cut(document, Widen(quad, document), found.Line.Flipped);
        using var wideDropped = RedDropout.Apply(wide);
        votes.Add(AfterLabel(Read(wideDropped)));
        foreach (var read in FurtherReads(document, found, quad, tight, wide, wideDropped))
        {
            if (votes.Settled) break;
            votes.Add(AfterLabel(read()));
        }
    }

    /// <summary>
    /// The reads tried, in order, while no two agree: red print dropped from the tight cut, the wide cut as it is
    /// (dropping red can take ink with it where a rule runs through the digits), the darkest ink alone (a pen note
    /// across the digits is lighter than print), and that cut to the print's band (what is left of the note's
    /// strokes above and below the digits goes), cuts moved up and down and a taller one (a stroke written across the
    /// number falls differently in each), a binarised one, then Tesseract. Two reads of one number still have to agree:
    /// more reads find the agreeing pair sooner, and a wrong number would have to be read wrong the same way twice and
    /// still pass the checksum.
    /// </summary>
    private List<Func<string>> FurtherReads(Mat document, IdNumberLine found, TextQuad quad, Mat tight, Mat wide, Mat wideDropped)
    {
        var more = new List<Func<string>>
        {
            () => { using var dark = StripInk.DarkestInk(wide); return Read(dark); },
            () => { using var tightDropped = RedDropout.Apply(tight); return Read(tightDropped); },
            () => Read(wide),
            () => { using var dark = StripInk.DarkestInk(wide); using var band = StripInk.PrintBand(dark); return Read(band); },
            () => ReadCut(document, Moved(quad, 0, -0.18f), found.Line.Flipped),
            () => ReadCut(document, Moved(quad, 0, 0.18f), found.Line.Flipped),
            () => ReadCut(document, Moved(quad, 0.6f, 0), found.Line.Flipped),
            () => { using var bin = StripInk.Binarised(wide); return Read(bin); },
            () => { using var dark = StripInk.DarkestInk(tight); return Read(dark); },
            () => { using var dark = StripInk.DarkestInk(tight); using var band = StripInk.PrintBand(dark); return Read(band); },
        };
        if (mode == SecondReads.PaddleThenTesseract && tesseract is not null)
        {
            more.Add(() => TesseractDigits(wideDropped));
            more.Add(() => TesseractDigits(tight));
            more.Add(() => { using var dark = StripInk.DarkestInk(wide); return TesseractDigits(dark); });
        }
        return more;
    }

    private string Read(Mat strip) => ocr.Recognizer.Recognize([strip])[0].Text;

    private static Mat Cut(Mat document, TextQuad quad, bool flipped)
    {
        var strip = TextLineCrop.Cut(document, quad);
        if (flipped) Cv2.Rotate(strip, strip, RotateFlags.Rotate180);
        return strip;
    }

    /// <summary>The part of a line after an ID number label (the whole line when it has none).</summary>
    private static string AfterLabel(string text)
    {
        var compact = PageText.Compact(text);
        int end = IdNumberLines.LabelEnd(compact);
        return end < 0 ? text : compact[end..];
    }

    /// <summary>The quad grown by a third of its height above and below and a little along, inside the image.</summary>
    private static TextQuad Widen(TextQuad q, Mat image)
    {
        var c = q.Center;
        float fx = 1.04f, fy = 1.3f;
        return Clip(q.Map(p => new Point2f(c.X + (p.X - c.X) * fx, c.Y + (p.Y - c.Y) * fy)), image);
    }

    /// <summary>The quad moved by <paramref name="down"/> of its height and made taller by <paramref name="taller"/> of it.</summary>
    private static TextQuad Moved(TextQuad q, float taller, float down)
    {
        var h = new Point2f((q.BottomLeft.X - q.TopLeft.X), (q.BottomLeft.Y - q.TopLeft.Y));
        Point2f At(Point2f p, float f) => new(p.X + h.X * f, p.Y + h.Y * f);
        return new TextQuad(At(q.TopLeft, down - taller / 2), At(q.TopRight, down - taller / 2),
            At(q.BottomRight, down + taller / 2), At(q.BottomLeft, down + taller / 2));
    }

    private string ReadCut(Mat document, TextQuad quad, bool flipped)
    {
        using var strip = Cut(document, Clip(quad, document), flipped);
        return Read(strip);
    }

    private static TextQuad Clip(TextQuad q, Mat image) =>
        q.Map(p => new Point2f(Math.Clamp(p.X, 0, image.Cols - 1), Math.Clamp(p.Y, 0, image.Rows - 1)));

    private string TesseractDigits(Mat strip)
    {
        using var grey = new Mat();
        Cv2.CvtColor(strip, grey, ColorConversionCodes.BGR2GRAY);
        // Tesseract reads best at cap heights of 20–40 px.
        double scale = Math.Clamp(48.0 / grey.Rows, 0.5, 3.0);
        using var sized = new Mat();
        Cv2.Resize(grey, sized, new Size(Math.Max(1, (int)(grey.Cols * scale)), Math.Max(1, (int)(grey.Rows * scale))), 0, 0, InterpolationFlags.Cubic);
        sized.GetArray(out byte[] bytes);
        var image = new GrayImage(bytes, sized.Cols, sized.Rows);
        return tesseract!.Use(TesseractPool.English,
            e => e.Recognize(image, new OcrOptions { PageSegMode = 7, Whitelist = "0123456789X", ThresholdingMethod = 2 })).Text;
    }
}
