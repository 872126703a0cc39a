using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// The number row of a card front where detection found neither the number nor its label: a note written across a
/// photocopy can touch the number's end, and detection then takes label, number and note for one slanted line of the
/// note. Below the card's 出生 and 住址 lines, where the 公民身份号码 row stands, strips are read from the image; those
/// holding a number become number lines that must agree with the card's printed 出生 (a guard against reading
/// something else there).
/// </summary>
public static class CardNumberRows
{
    /// <summary>How far below the card's last line above it (in label heights) the number row is looked for.</summary>
    private const double SearchDepth = 5, Step = 0.5, StripHeight = 1.6, StripLength = 23;

    /// <summary>Number lines for the card fronts on <paramref name="page"/> that have none among <paramref name="found"/>.</summary>
    public static List<IdNumberLine> Find(PageText page, IReadOnlyList<IdNumberLine> found, Func<TextQuad, string> read)
    {
        var result = new List<IdNumberLine>();
        foreach (var birthLabel in page.Lines.Where(l => PageText.Compact(l.Text) == "出生"))
        {
            var date = page.RightOf(birthLabel).Select(l => (Line: l, Date: IdNumberLines.DateOf(l))).FirstOrDefault(d => d.Date is not null);
            if (date.Date is not { } birth) continue;
            double h = birthLabel.Quad.Height;
            var column = birthLabel.Quad.Bounds;
            // The card's lines below its 出生 (住址 and the address), down to where its number row would be. Upright
            // ones: a note written slanting across the card reaches lower than its own height (活保障 over the number's
            // end stood 145 px tall on 27 px print, and the row was looked for below it).
            var below = page.Lines.Where(l => l.Quad.Center.Y > date.Line.Quad.Bounds.Bottom && l.Quad.Center.Y < date.Line.Quad.Center.Y + 4 * h
                && l.Quad.Bounds.X < column.X + StripLength * h && l.Quad.Bounds.Right > column.X - h && l.Quad.Bounds.Height < 2 * h).ToList();
            // A number line already found for this card (a label or a number within the card below its 出生).
            if (found.Any(f => Below(f.Label ?? f.Line, date.Line, h, column))) continue;
            double top = (below.Count == 0 ? date.Line.Quad.Bounds.Bottom : below.Max(l => l.Quad.Bounds.Bottom)) + 0.5 * h;
            // The strip that holds the printed birth date among its digits sits on the number row; a strip half on
            // the row above may read a run of 18 characters too, so it is only taken when none does.
            var digits = IdNumberRules.BirthDigits(birth);
            (TextQuad Quad, string Text)? first = null, dated = null;
            for (double y = top; y < top + SearchDepth * h && dated is null; y += Step * h)
            {
                var quad = Strip(column.X - 0.5 * h, y, StripLength * h, StripHeight * h);
                var text = read(quad);
                if (IdNumberRules.RawCandidates(text).Count == 0 && IdNumberRules.BodyCandidates(text).Count == 0) continue;
                if (text.Contains(digits, StringComparison.Ordinal)) dated = (quad, text);
                else first ??= (quad, text);
            }
            if ((dated ?? first) is { } row)
                result.Add(new IdNumberLine(new RecognizedLine(row.Quad, row.Text, 0), null, birth) { CardBirthDate = birth });
        }
        return result;
    }

    private static bool Below(RecognizedLine line, RecognizedLine date, double h, Ocr.PixelBox column) =>
        line.Quad.Center.Y > date.Quad.Center.Y && line.Quad.Center.Y < date.Quad.Center.Y + 14 * h
        && line.Quad.Bounds.X < column.X + StripLength * h && line.Quad.Bounds.Right > column.X - h;

    private static TextQuad Strip(double x, double y, double w, double hgt) =>
        new(new Point2f((float)x, (float)y), new Point2f((float)(x + w), (float)y), new Point2f((float)(x + w), (float)(y + hgt)),
            new Point2f((float)x, (float)(y + hgt)));
}
