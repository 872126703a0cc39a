using FormArchive.Ingest.Ocr.Paddle;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// The lines read on an upright document, with the geometry field reading needs: which lines share a row, and
/// what stands to the right of a label.
/// </summary>
public sealed class PageText(IReadOnlyList<RecognizedLine> lines)
{
    public IReadOnlyList<RecognizedLine> Lines { get; } = lines;

    /// <summary>All text, one line per detected line, in reading order.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text));

    /// <summary>Text without white space, full-width folded: what label matching compares.</summary>
    public static string Compact(string s) =>
        new(s.Where(c => !char.IsWhiteSpace(c)).Select(IdNumberRules.FoldWidth).ToArray());

    /// <summary>
    /// The page's rows: lines that share a row joined left to right with a space. A bank card prints its number in
    /// groups that detection may split into separate lines. Where two lines of a row overlap, the next one's first
    /// character may repeat the last one's: such a row is also given with that character dropped.
    /// </summary>
    public IReadOnlyList<string> Rows()
    {
        var rows = new List<List<RecognizedLine>>();
        foreach (var line in Lines.OrderBy(l => l.Quad.Center.Y))
        {
            var row = rows.FirstOrDefault(r => r.Any(x => SameRow(x, line)));
            if (row is null) rows.Add([line]); else row.Add(line);
        }
        var result = new List<string>();
        foreach (var row in rows.Select(r => r.OrderBy(l => l.Quad.Bounds.X).ToList()))
        {
            result.Add(string.Join(' ', row.Select(l => l.Text)));
            var trimmed = row.Select((l, i) => i > 0 && Overlap(row[i - 1], l) && l.Text.Length > 1 ? l.Text[1..] : l.Text).ToList();
            if (!trimmed.SequenceEqual(row.Select(l => l.Text))) result.Add(string.Join(' ', trimmed));
        }
        return result;
    }

    /// <summary>Whether <paramref name="b"/> starts inside <paramref name="a"/> by more than a fifth of its height.</summary>
    private static bool Overlap(RecognizedLine a, RecognizedLine b) => a.Quad.Bounds.Right - b.Quad.Bounds.X > 0.2 * b.Quad.Height;

    /// <summary>Whether two lines share a row: their vertical extents overlap by half the smaller height.</summary>
    public static bool SameRow(RecognizedLine a, RecognizedLine b)
    {
        var ra = a.Quad.Bounds; var rb = b.Quad.Bounds;
        int overlap = Math.Min(ra.Bottom, rb.Bottom) - Math.Max(ra.Y, rb.Y);
        return overlap >= 0.5 * Math.Min(ra.Height, rb.Height);
    }

    /// <summary>Lines to the right of <paramref name="label"/> on its row, nearest first.</summary>
    public IEnumerable<RecognizedLine> RightOf(RecognizedLine label) =>
        Lines.Where(l => !ReferenceEquals(l, label) && SameRow(l, label) && l.Quad.Center.X > label.Quad.Bounds.Right - label.Quad.Height)
            .OrderBy(l => l.Quad.Bounds.X);

    /// <summary>
    /// The value printed after a label: the rest of the label's own line when the line holds more than the label,
    /// else the nearest line to its right on the same row. Null when the label is not on the page.
    /// </summary>
    public (string Value, RecognizedLine Line)? ValueOf(params string[] labels)
    {
        foreach (var line in Lines)
        {
            var compact = Compact(line.Text);
            foreach (var label in labels)
            {
                int at = compact.IndexOf(label, StringComparison.Ordinal);
                if (at < 0 || at > 2) continue;
                var rest = compact[(at + label.Length)..].TrimStart(':', '：', '.', '·');
                if (rest.Length > 0) return (rest, line);
                var right = RightOf(line).FirstOrDefault();
                return right is null ? null : (Compact(right.Text), right);
            }
        }
        return null;
    }

    /// <summary>Whether any line contains <paramref name="word"/> (white space ignored).</summary>
    public bool Contains(string word) => Lines.Any(l => Compact(l.Text).Contains(word, StringComparison.Ordinal));
}
