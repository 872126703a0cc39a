using FormArchive.Domain;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// The person printed on a card front (姓名, 性别, 民族, 出生, 住址) or a 常住人口登记卡 (姓名, 户主或与户主关系, 性别, 民族,
/// 出生日期): what a clerk is offered to prefill a household member with, marked as read by OCR until confirmed.
/// </summary>
public sealed record PersonFields
{
    public string? Name { get; init; }
    public string? Sex { get; init; }
    public string? Ethnicity { get; init; }
    public string? BirthDate { get; init; }
    public string? Address { get; init; }
    public string? Relationship { get; init; }

    public bool IsEmpty => Name is null && Sex is null && Ethnicity is null && BirthDate is null && Address is null && Relationship is null;

    public static PersonFields? Read(PageText page)
    {
        var name = page.ValueOf("姓名")?.Value;
        var sexText = page.ValueOf("性别")?.Value;
        var ethnicity = page.ValueOf("民族")?.Value;
        // A card prints 性别 and 民族 on one row: "男 民族汉" reads as one line.
        string? sex = sexText is null ? null : sexText.StartsWith('男') ? "男" : sexText.StartsWith('女') ? "女" : null;
        if (ethnicity is null && sexText is not null && sexText.IndexOf("民族", StringComparison.Ordinal) is var k and >= 0) ethnicity = sexText[(k + 2)..];
        // A misread 民族 label (民康) leaves its value: a line that is a 民族 with its 族 (汉族, 土家族) is that value.
        ethnicity ??= page.Lines.Select(l => PageText.Compact(l.Text)).FirstOrDefault(t => t.EndsWith('族') && FormArchive.Domain.Ethnicity.Of(t) is not null);
        var birth = IdNumberLines.PrintedBirthDate(page);
        var relation = RelationshipField.Read(page);
        var address = ReadAddress(page);
        var fields = new PersonFields
        {
            Name = Clean(name), Sex = sex, Ethnicity = Clean(ethnicity)?.TrimEnd('族'), BirthDate = birth?.ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture),
            Address = Clean(address), Relationship = Clean(relation),
        };
        return fields.IsEmpty ? null : fields;
    }

    /// <summary>A card's 住址 runs over several lines, down to the number's row.</summary>
    private static string? ReadAddress(PageText page)
    {
        var first = page.ValueOf("住址");
        if (first is null) return null;
        var (value, line) = first.Value;
        var parts = new List<string> { value };
        double left = line.Quad.Bounds.X - line.Quad.Height, lineHeight = line.Quad.Bounds.Height;
        var previous = line;
        foreach (var next in page.Lines.Where(l => l.Quad.Center.Y > line.Quad.Center.Y + lineHeight * 0.6).OrderBy(l => l.Quad.Center.Y))
        {
            var compact = PageText.Compact(next.Text);
            if (next.Quad.Center.Y - previous.Quad.Center.Y > lineHeight * 1.9 || IdNumberLines.LabelEnd(compact) >= 0 || IdNumberReader.LooksNumeric(compact)
                || next.Quad.Bounds.X < left) break;
            parts.Add(compact);
            previous = next;
        }
        return string.Concat(parts);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim(':', '：', ' ');
}
