using FormArchive.Domain;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// The 户主或与户主关系 cell of a 常住人口登记卡. Its label is printed on two lines (户主或与 / 户主关系), which OCR reads
/// as two lines and often misreads (户主导, 护关系, 户生关系); the value stands right of the label, between its lines.
/// A value is taken only when it is a relationship term (妻, 长子, 孙女…): a name or a place right of a misread label is not.
/// </summary>
public static class RelationshipField
{
    public static string? Read(PageText page)
    {
        if (page.ValueOf("户主或与户主关系", "与户主关系")?.Value is { } labelled && HouseholdRelationship.IsTerm(Clean(labelled))) return Clean(labelled);
        foreach (var label in page.Lines.Where(IsLabelPart))
        {
            var b = label.Quad.Bounds;
            double h = b.Height;
            // The other line of the label: its value stands anywhere from the top of the first to the bottom of the second.
            var parts = page.Lines.Where(l => IsLabelPart(l) && Math.Abs(l.Quad.Center.X - label.Quad.Center.X) < 2 * h
                && Math.Abs(l.Quad.Center.Y - label.Quad.Center.Y) < 2.5 * h).ToList();
            double top = parts.Min(l => l.Quad.Bounds.Y) - 0.5 * h, bottom = parts.Max(l => l.Quad.Bounds.Bottom) + 0.5 * h;
            double right = parts.Max(l => l.Quad.Bounds.Right);
            var value = page.Lines
                .Where(l => l.Quad.Bounds.X > right - 0.5 * h && l.Quad.Bounds.X < right + 8 * h && l.Quad.Center.Y > top && l.Quad.Center.Y < bottom)
                .OrderBy(l => l.Quad.Bounds.X)
                .Select(l => Clean(l.Text))
                .FirstOrDefault(HouseholdRelationship.IsTerm);
            if (value is not null) return value;
        }
        return null;
    }

    /// <summary>A line of the two-line label as OCR reads it: 户主… short, or …关系/关采 short.</summary>
    private static bool IsLabelPart(Ocr.Paddle.RecognizedLine line)
    {
        var c = PageText.Compact(line.Text);
        return c.Length is >= 2 and <= 5 && (c.StartsWith("户主", StringComparison.Ordinal) || c.EndsWith("关系", StringComparison.Ordinal) || c.EndsWith("关采",
            StringComparison.Ordinal));
    }

    private static string Clean(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());
}
