namespace FormArchive.Renderer.Model;

/// <summary>A column width: either fixed points or a share (fr) of the width left after fixed columns.</summary>
public readonly record struct ColumnWidth(float Value, bool IsFraction)
{
    public static ColumnWidth Points(float pt) => new(pt, false);
    public static ColumnWidth Fraction(float fr) => new(fr, true);
}

/// <summary>
/// A table with explicit column widths. Cells span with ColSpan/RowSpan (HTML semantics: a spanned-over
/// position is simply absent from later rows). The first <see cref="HeaderRowCount"/> rows repeat on every page.
/// <see cref="KeepWithNext"/>: the table starts on the same page as the block after it (a form's last blocks).
/// <see cref="Caption"/>: blocks printed above the table on every page it runs onto, before the header rows — a page
/// of a long list read alone still says what list it is.
/// </summary>
public sealed record Table(IReadOnlyList<ColumnWidth> Columns, IReadOnlyList<TableRow> Rows, int HeaderRowCount = 0, float BorderWidthPt = 0.75f,
    bool KeepWithNext = false,
    IReadOnlyList<Block>? Caption = null) : Block
{
    public IReadOnlyList<Block> CaptionBlocks => Caption ?? [];
}

/// <summary>
/// A row; <see cref="MinHeightPt"/> keeps empty handwriting rows tall enough to write in. <see cref="KeepWithNext"/>
/// keeps it on the page of the row after it (one visit's rows of a record stay together).
/// </summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, float MinHeightPt = 0f, bool KeepWithNext = false);

public sealed record TableCell(
    IReadOnlyList<Block> Content,
    int ColSpan = 1,
    int RowSpan = 1,
    VerticalAlignment VerticalAlignment = VerticalAlignment.Middle,
    float PaddingPt = 3f);
