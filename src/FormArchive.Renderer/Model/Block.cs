namespace FormArchive.Renderer.Model;

/// <summary>Content that stacks vertically on the page or inside a table cell.</summary>
public abstract record Block;

public enum TextAlignment { Left, Center, Right, Justify }

public enum VerticalAlignment { Top, Middle, Bottom }

/// <summary>
/// Paragraph formatting. Lengths in points; <see cref="LineSpacing"/> is a multiple of the font size.
/// <see cref="MinSizePt"/> &gt; 0 lets the text shrink down to that size to avoid wrapping (a name in a narrow cell).
/// <see cref="Ruled"/>: every line stands on a rule across the paragraph's whole width, as the values of an archival
/// cover (案卷封面) are written on ruled lines; a long value wraps onto further rules.
/// </summary>
public sealed record ParagraphStyle(
    TextAlignment Alignment = TextAlignment.Left,
    float FirstLineIndentPt = 0f,
    float SpaceBeforePt = 0f,
    float SpaceAfterPt = 0f,
    float LineSpacing = 1.5f,
    bool KeepWithNext = false,
    float MinSizePt = 0f,
    bool Ruled = false)
{
    public static ParagraphStyle Default { get; } = new();
}

/// <summary>A paragraph of inlines. <see cref="HeadingLevel"/> is 0 for body text, 1–3 for headings.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Inlines, ParagraphStyle Style, int HeadingLevel = 0) : Block;

/// <summary>Vertical white space.</summary>
public sealed record Spacer(float HeightPt) : Block;

/// <summary>Forces the following content onto a new page.</summary>
public sealed record PageBreak : Block;

/// <summary>
/// A place for a seal (盖章) and date on a notice: a label such as "受理单位（盖章）", the issuing unit's name when
/// known, and a date line, with <see cref="HeightPt"/> of clear space reserved above for the stamp.
/// </summary>
public sealed record SealArea(string Label, string? DateText, float HeightPt, TextAlignment Alignment, TextStyle Style, string? Unit = null) : Block
{
    /// <summary>Date line left for handwriting when the data gives none, with room for the year's digits.</summary>
    public const string HandwrittenDate = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日";

    /// <summary>The printed lines, top to bottom: label, unit (if any), date.</summary>
    public IReadOnlyList<string> Lines => string.IsNullOrEmpty(Unit)
        ? [Label, DateText ?? HandwrittenDate]
        : [Label, Unit, DateText ?? HandwrittenDate];
}
