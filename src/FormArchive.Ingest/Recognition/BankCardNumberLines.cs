using FormArchive.Domain;
using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// Bank card numbers printed as digit groups on one row (6217 9993 6843 4926 31). The groups of one number share a
/// row and a print size: they are joined left to right whatever else detection found between them (a glyph of the
/// card's pattern, a speck), which joining the row's text does not do. Detection may also miss a group of one digit
/// standing alone at the end, or read it as a character: the joined line is read again from the image lengthened by
/// two digits' width, and the longer number is taken when it goes on from the joined digits and passes Luhn (and,
/// where the joined digits pass Luhn themselves, when the place past them read alone gives the same digits).
/// </summary>
public static class BankCardNumberLines
{
    /// <summary>Digits a card number holds at least before it is worth joining and reading again.</summary>
    private const int MinDigits = 12;

    /// <summary>
    /// Luhn-valid numbers of 16–19 digits, never a valid ID number; <paramref name="readAgain"/> reads a place of the
    /// image. Lines standing in <paramref name="idNumbers"/> (the places of ID numbers found by their labels) are not
    /// groups of a card number: 17 digits of an ID number whose X was lost may pass Luhn.
    /// </summary>
    public static List<string> Find(PageText page, Func<TextQuad, string> readAgain, IReadOnlyList<TextQuad>? idNumbers = null)
    {
        var found = new List<string>();
        var used = new HashSet<RecognizedLine>();
        // Rows with an ID number label hold an ID number, not a card number (a misread one may pass Luhn).
        var labelled = page.Lines.Where(l => IdNumberLines.LabelEnd(PageText.Compact(l.Text)) >= 0).ToList();
        var pieces = page.Lines.Where(l => IsDigitGroup(l.Text) && !labelled.Any(x => PageText.SameRow(x, l))
                && !(idNumbers ?? []).Any(q => Cv2.PointPolygonTest(q.Points, l.Quad.Center, false) >= 0))
            .OrderBy(l => l.Quad.Bounds.X).ToList();
        foreach (var start in pieces)
        {
            if (!used.Add(start)) continue;
            var run = new List<RecognizedLine> { start };
            for (var next = NextGroup(run[^1], pieces, used); next is not null; next = NextGroup(run[^1], pieces, used))
            {
                used.Add(next);
                run.Add(next);
            }
            var digits = IdNumberRules.Digits(string.Concat(run.Select(l => l.Text)));
            if (digits.Length is < MinDigits or > 19) continue;
            // Read again lengthened: a digit may be missing when the groups fail Luhn, when something that is no group
            // of digits stands right after them (a lone digit read as 力), or when detection missed a lone last digit
            // (a cut-short number passes Luhn one time in ten). A number that passes with nothing seen after it takes
            // the longer read only when its tail, read alone, gives the same digits: a speck past the end, read as a
            // digit once, must not lengthen a whole number.
            bool maybeShort = !IdNumberRules.IsLuhnValid(digits) || page.Lines.Any(l => !run.Contains(l) && PageText.SameRow(l, run[^1])
                && l.Quad.Bounds.X > run[^1].Quad.Bounds.Right - 0.5 * run[^1].Quad.Height
                    && l.Quad.Bounds.X - run[^1].Quad.Bounds.Right < 3 * run[^1].Quad.Height);
            var number = Longer(run, digits, readAgain, confirmTail: !maybeShort) ?? digits;
            if (number.Length is >= 16 and <= 19 && IdNumberRules.IsLuhnValid(number) && !ChineseIdNumber.IsValid(number)) found.Add(number);
        }
        return found.Distinct().ToList();
    }

    /// <summary>
    /// The numbers that are not read on an ID number: the first 17 digits of one whose X was lost may pass Luhn, and
    /// are that number, not a card's, whether it was confirmed or not. <paramref name="idReads"/>: the ID numbers read
    /// and the texts of the lines found as ID number lines.
    /// </summary>
    public static List<string> NotOnIdNumbers(IEnumerable<string> numbers, IEnumerable<string> idReads)
    {
        var digits = idReads.Select(IdNumberRules.Digits).ToList();
        return numbers.Where(n => !digits.Any(d => d.Contains(n, StringComparison.Ordinal))).ToList();
    }

    /// <summary>The numbers without those another one goes on from: a read cut short before a lone last digit.</summary>
    public static List<string> WithoutCutShort(IEnumerable<string> numbers)
    {
        var all = numbers.Distinct().ToList();
        return all.Where(n => !all.Any(m => m.Length > n.Length && m.StartsWith(n, StringComparison.Ordinal))).ToList();
    }

    /// <summary>
    /// The number read again over the run and two digits' width past it, when it goes on from the run's digits; with
    /// <paramref name="confirmTail"/>, only when the place past the run, read alone, holds the same further digits.
    /// </summary>
    private static string? Longer(List<RecognizedLine> run, string digits, Func<TextQuad, string> readAgain, bool confirmTail)
    {
        var (a, b) = (run[0].Quad, run[^1].Quad);
        float digitWidth = run.Sum(l => (float)l.Quad.Width) / Math.Max(1, digits.Length);
        float along = (float)Math.Max(1, Math.Sqrt(Math.Pow(b.TopRight.X - a.TopLeft.X, 2) + Math.Pow(b.TopRight.Y - a.TopLeft.Y, 2)));
        Point2f Along(float widths) => new((b.TopRight.X - a.TopLeft.X) / along * widths * digitWidth,
            (b.TopRight.Y - a.TopLeft.Y) / along * widths * digitWidth);
        var d = Along(2);
        var read = LeadingDigits(readAgain(new TextQuad(a.TopLeft, b.TopRight + d, b.BottomRight + d, a.BottomLeft)));
        if (read.Length <= digits.Length || read.Length > 19 || !read.StartsWith(digits, StringComparison.Ordinal) || !IdNumberRules.IsLuhnValid(read))
            return null;
        if (!confirmTail) return read;
        // The tail: from the run's last box (grown past its glyphs by detection) to the lengthened end.
        var tail = LeadingDigits(readAgain(new TextQuad(b.TopRight, b.TopRight + d, b.BottomRight + d, b.BottomRight)));
        return tail == read[digits.Length..] ? read : null;
    }

    /// <summary>The digits a read starts with, spaces skipped: what else stands further along the row is not part of the number.</summary>
    private static string LeadingDigits(string text)
    {
        var compact = string.Concat(text.Select(IdNumberRules.FoldWidth).Where(c => !char.IsWhiteSpace(c)));
        int end = 0;
        while (end < compact.Length && char.IsAsciiDigit(compact[end])) end++;
        return compact[..end];
    }

    /// <summary>The nearest unused group right of <paramref name="last"/> on its row, printed at its size, within three heights.</summary>
    private static RecognizedLine? NextGroup(RecognizedLine last, List<RecognizedLine> pieces, HashSet<RecognizedLine> used) =>
        pieces.Where(p => !used.Contains(p) && PageText.SameRow(p, last) && p.Quad.Bounds.X > last.Quad.Center.X
                && SameSize(p, last) && p.Quad.Bounds.X - last.Quad.Bounds.Right < 3 * last.Quad.Height)
            .OrderBy(p => p.Quad.Bounds.X).FirstOrDefault();

    private static bool SameSize(RecognizedLine a, RecognizedLine b) =>
        Math.Max(a.Quad.Height, b.Quad.Height) <= 1.4 * Math.Min(a.Quad.Height, b.Quad.Height);

    /// <summary>A line that is a group of digits (spaces allowed) and nothing else; a lone digit may end a number.</summary>
    private static bool IsDigitGroup(string text)
    {
        var compact = PageText.Compact(text);
        return compact.Length >= 1 && compact.All(char.IsAsciiDigit);
    }
}
