using FormArchive.Ingest.Ocr.Paddle;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// A line that holds an ID number, and why it is taken for one. <see cref="Expected"/> marks the place right of a
/// label where the number must stand but where detection found no line (a note written across it, a rule through
/// it): its text is read from the image there.
/// </summary>
/// <param name="PrintedBirthDate">The card's printed 出生 that the number must agree with (a number line found without its label).</param>
public sealed record IdNumberLine(RecognizedLine Line, RecognizedLine? Label, DateOnly? PrintedBirthDate, bool Expected = false)
{
    /// <summary>The 出生 printed above the number on the same card: a digit of the number's birth date
    /// misread (a pen stroke across it) is read from there instead, and the whole number must still pass the checksum.</summary>
    public DateOnly? CardBirthDate { get; init; }
}

/// <summary>
/// Finds the lines that hold ID numbers: the value of a 公民身份号码 / 公民身份证件编号 / 身份证号 label. Other numbers on the
/// page (户号, dates, heights, 门诊号, 住院号, phone and bank card numbers) are never taken for ID numbers. On a card
/// front whose label did not read, the number line still counts when its birth date is the one printed on the card.
/// </summary>
public static class IdNumberLines
{
    // Longest first, so the whole label is cut off the value. OCR may drop part of a label (公民身份号; a two-line
    // 户口簿 label 公民身份 / 证件编号 may read as its first line only).
    private static readonly string[] Labels =
        ["公民身份证件编号", "公民身份号码", "身份证件号码", "身份证件编号", "公民身份号", "身份证号码", "身份证号", "身分证号", "身份号码", "证件号码", "证件编号", "公民身份"];

    /// <summary>Where an ID number label ends in the compact text of a line, or −1 when the line has none.</summary>
    public static int LabelEnd(string compact)
    {
        foreach (var label in Labels)
        {
            int at = compact.IndexOf(label, StringComparison.Ordinal);
            if (at >= 0) return at + label.Length;
        }
        return -1;
    }

    public static List<IdNumberLine> Find(PageText page)
    {
        var found = new List<IdNumberLine>();
        foreach (var line in page.Lines)
        {
            var compact = PageText.Compact(line.Text);
            int end = LabelEnd(compact);
            if (end < 0) continue;
            if (IdNumberReader.LooksNumeric(compact[end..])) { Add(Lengthened(line, compact[end..].Length, compact.Length), line); continue; }
            // The value stands to the right on the same row (a card's number, a 户口簿 cell printed a little off its line).
            var right = page.Lines.Where(l => !ReferenceEquals(l, line) && IdNumberReader.LooksNumeric(l.Text) && NearRow(l, line)
                    && l.Quad.Center.X > line.Quad.Bounds.Right - line.Quad.Height)
                .OrderBy(l => 3 * Math.Abs(l.Quad.Center.Y - line.Quad.Center.Y) + (l.Quad.Bounds.X - line.Quad.Bounds.Right)).FirstOrDefault();
            if (right is not null)
            {
                var value = Joined(page, line, right);
                int length = PageText.Compact(value.Text).Length;
                var (lengthened, cut) = Lengthened(value, length, length);
                // A joined line is read again from the image whatever its length: its pieces' texts overlap.
                Add((lengthened, cut || !ReferenceEquals(value, right)), line);
            }
            // The label's line goes on with a few digits: detection cut the number short.
            else if (compact[end..].Any(char.IsAsciiDigit)) Add(Lengthened(line, compact[end..].Length, compact.Length), line);
            else if (end == compact.Length) found.Add(new IdNumberLine(ExpectedValue(line, TypicalLineHeight(page)), line, null,
                Expected: true)
            { CardBirthDate = BirthDateAbove(page, line) });
        }
        if (found.Count == 0 && (LooksLikeCardFront(page) || LooksLikeHouseholdCard(page)) && PrintedBirthDate(page) is { } birth)
            foreach (var line in page.Lines.Where(l => IdNumberReader.LooksNumeric(l.Text)))
                found.Add(new IdNumberLine(line, null, birth));
        return found;

        void Add((RecognizedLine Line, bool Cut) value, RecognizedLine label)
        {
            if (!found.Any(f => f.Line.Text == value.Line.Text && f.Line.Quad == value.Line.Quad))
                found.Add(new IdNumberLine(value.Line, label, null, Expected: value.Cut) { CardBirthDate = BirthDateAbove(page, label) });
        }
    }

    /// <summary>
    /// A number line that reads short of 18 characters was cut by detection (a note written across it, glare): the
    /// place is lengthened along its run to 19 characters' width and read again from the image.
    /// </summary>
    private static (RecognizedLine Line, bool Cut) Lengthened(RecognizedLine line, int digits, int characters)
    {
        if (Digits(line.Text) >= 18 || characters == 0) return (line, false);
        var q = line.Quad;
        float perChar = (float)q.Width / characters;
        float extra = perChar * (19 - digits);
        var ux = (q.TopRight.X - q.TopLeft.X) / (float)q.Width; var uy = (q.TopRight.Y - q.TopLeft.Y) / (float)q.Width;
        var d = new OpenCvSharp.Point2f(ux * extra, uy * extra);
        return (new RecognizedLine(new TextQuad(q.TopLeft, q.TopRight + d, q.BottomRight + d, q.BottomLeft), line.Text,
            line.Confidence)
        { Flipped = line.Flipped }, true);
    }

    /// <summary>
    /// The number right of a label, whole: a stroke written across it parts detection's line into pieces (3301061 ·
    /// 194802180129). Digit pieces on the label's row, each within three line heights of the next, are joined into one
    /// line from the first to the last; the joined line is read again from the image (its pieces' texts overlap).
    /// </summary>
    private static RecognizedLine Joined(PageText page, RecognizedLine label, RecognizedLine value)
    {
        var pieces = page.Lines.Where(l => !ReferenceEquals(l, label) && NearRow(l, label) && l.Quad.Center.X > label.Quad.Bounds.Right - label.Quad.Height
                && MostlyDigits(l.Text))
            .OrderBy(l => l.Quad.Bounds.X).ToList();
        if (!pieces.Contains(value)) return value;
        int at = pieces.IndexOf(value), first = at, last = at;
        double gap = 3 * value.Quad.Height;
        // Only while the number is short of its 18 characters: a 户口簿 row goes on with 身高 and other cells.
        int digits = Digits(value.Text);
        while (digits < 18 && first > 0 && pieces[first].Quad.Bounds.X - pieces[first - 1].Quad.Bounds.Right < gap) digits += Digits(pieces[--first].Text);
        while (digits < 18 && last < pieces.Count - 1
            && pieces[last + 1].Quad.Bounds.X - pieces[last].Quad.Bounds.Right < gap) digits += Digits(pieces[++last].Text);
        if (first == last) return value;
        var (a, b) = (pieces[first].Quad, pieces[last].Quad);
        var text = string.Concat(pieces.Skip(first).Take(last - first + 1).Select(p => PageText.Compact(p.Text)));
        return new RecognizedLine(new TextQuad(a.TopLeft, b.TopRight, b.BottomRight, a.BottomLeft), text, value.Confidence) { Flipped = value.Flipped };
    }

    private static int Digits(string text) => PageText.Compact(text).Count(c => char.IsAsciiDigit(IdNumberRules.FoldWidth(c)) || c is 'X' or 'x');

    private static bool MostlyDigits(string text) => Digits(text) is var d && d >= 2 && d * 2 >= PageText.Compact(text).Length;

    /// <summary>The page's usual line height: the median of its lines' heights.</summary>
    private static double TypicalLineHeight(PageText page) =>
        page.Lines.Count == 0 ? 0 : page.Lines.Select(l => l.Quad.Height).Order().ElementAt(page.Lines.Count / 2);

    /// <summary>
    /// Where a number stands right of its label: the label's row, from its end over 20 line heights (18 digits printed
    /// larger than the label). A label set on two lines (公民身份 / 证件编号) is as tall as two: the page's usual line
    /// height is used then, centred on the label.
    /// </summary>
    private static RecognizedLine ExpectedValue(RecognizedLine label, double typicalHeight)
    {
        var q = label.Quad;
        if (typicalHeight > 0 && q.Height > 1.6 * typicalHeight)
        {
            float shrink = (float)(1 - typicalHeight * 1.2 / q.Height) / 2;
            var v = new OpenCvSharp.Point2f(q.BottomLeft.X - q.TopLeft.X, q.BottomLeft.Y - q.TopLeft.Y);
            OpenCvSharp.Point2f By(OpenCvSharp.Point2f p, float f) => new(p.X + v.X * f, p.Y + v.Y * f);
            q = new TextQuad(By(q.TopLeft, shrink), By(q.TopRight, shrink), By(q.BottomRight, -shrink), By(q.BottomLeft, -shrink));
        }
        // It starts a little inside the label (what is read of the label is cut off again).
        float h = (float)q.Height, gap = -h * 0.3f, length = h * 20f;
        var dx = new OpenCvSharp.Point2f((q.TopRight.X - q.TopLeft.X) / (float)q.Width, (q.TopRight.Y - q.TopLeft.Y) / (float)q.Width);
        OpenCvSharp.Point2f Along(OpenCvSharp.Point2f p, float d) => new(p.X + dx.X * d, p.Y + dx.Y * d);
        // Taller than the label: numbers are printed larger than their labels.
        var up = new OpenCvSharp.Point2f((q.TopLeft.X - q.BottomLeft.X) * 0.3f, (q.TopLeft.Y - q.BottomLeft.Y) * 0.3f);
        var tl = Along(q.TopRight, gap); var bl = Along(q.BottomRight, gap);
        var quad = new TextQuad(tl + up, Along(tl, length) + up, Along(bl, length) - up, bl - up);
        return new RecognizedLine(quad, "", 0);
    }

    /// <summary>
    /// Rows of a ruled table or a card: the value's centre lies within the label's height band, a little wider, and
    /// down to the next line where a label set on two lines (公民身份 / 号码) was read as its first line only.
    /// </summary>
    private static bool NearRow(RecognizedLine value, RecognizedLine label)
    {
        var l = label.Quad.Bounds;
        double cy = value.Quad.Center.Y;
        return PageText.SameRow(value, label) || (cy >= l.Y - 0.35 * l.Height && cy <= l.Bottom + 1.3 * l.Height);
    }

    private static readonly string[] CardFrontLabels = ["姓名", "性别", "民族", "出生", "住址"];
    private static readonly string[] HouseholdCardLabels = ["出生日期", "籍贯", "出生地", "宗教信仰", "文化程度", "婚姻状况", "兵役状况", "服务处所"];

    private static bool LooksLikeCardFront(PageText page) => CardFrontLabels.Count(page.Contains) >= 2;

    /// <summary>
    /// A 常住人口登记卡 whose number label may not read (printed in red on two lines, 公民身份 / 号码): its title, or two
    /// of the labels only such a card carries.
    /// </summary>
    private static bool LooksLikeHouseholdCard(PageText page) =>
        page.Contains("常住人口登记卡") || HouseholdCardLabels.Count(page.Contains) >= 2;

    /// <summary>
    /// The birth date printed on a card front (出生 1990年1月2日) or a 常住人口登记卡 (出生日期), if it reads: the date after
    /// its label, else the page's first date (a 户口簿 card prints others too: 迁来, 登记日期).
    /// </summary>
    public static DateOnly? PrintedBirthDate(PageText page)
    {
        foreach (var label in new[] { "出生日期", "出生" })
            if (page.ValueOf(label) is { } value && DateOf(value.Value) is { } labelled) return labelled;
        foreach (var line in page.Lines)
            if (DateOf(line) is { } d) return d;
        return null;
    }

    /// <summary>
    /// The 出生 date printed above a card's number label, on the same card: the nearest date line above it, within
    /// fourteen label heights (half a card) and overlapping its column (two cards on one photocopy each keep their own date).
    /// </summary>
    public static DateOnly? BirthDateAbove(PageText page, RecognizedLine label)
    {
        var l = label.Quad.Bounds;
        return page.Lines
            .Where(x => x.Quad.Center.Y < l.Y && l.Y - x.Quad.Center.Y < 14 * l.Height
                && x.Quad.Bounds.X < l.Right + 12 * l.Height && x.Quad.Bounds.Right > l.X)
            .OrderByDescending(x => x.Quad.Center.Y)
            .Select(DateOf).FirstOrDefault(d => d is not null);
    }

    /// <summary>The date a line reads (1990年1月2日), if any.</summary>
    public static DateOnly? DateOf(RecognizedLine line) => DateOf(line.Text);

    /// <summary>The date a text reads (1990年1月2日), if any.</summary>
    public static DateOnly? DateOf(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(PageText.Compact(text), @"(\d{4})年(\d{1,2})月(\d{1,2})日");
        return m.Success && DateOnly.TryParseExact($"{m.Groups[1].Value}-{int.Parse(m.Groups[2].Value):D2}-{int.Parse(m.Groups[3].Value):D2}", "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
    }
}
