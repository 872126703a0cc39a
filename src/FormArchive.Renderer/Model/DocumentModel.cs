namespace FormArchive.Renderer.Model;

public enum PageOrientation { Portrait, Landscape }

/// <summary>Page size and margins in points (1 pt = 1/72 in). A4 is 595.28 × 841.89.</summary>
public sealed record PageSetup(float WidthPt, float HeightPt, float MarginTopPt, float MarginRightPt, float MarginBottomPt, float MarginLeftPt)
{
    public const float A4ShortPt = 595.28f;
    public const float A4LongPt = 841.89f;

    public static PageSetup A4(PageOrientation orientation, float marginPt = 56.7f) => orientation == PageOrientation.Portrait
        ? new(A4ShortPt, A4LongPt, marginPt, marginPt, marginPt, marginPt)
        : new(A4LongPt, A4ShortPt, marginPt, marginPt, marginPt, marginPt);

    public PageOrientation Orientation => WidthPt > HeightPt ? PageOrientation.Landscape : PageOrientation.Portrait;
    public float ContentWidthPt => WidthPt - MarginLeftPt - MarginRightPt;
    public float ContentHeightPt => HeightPt - MarginTopPt - MarginBottomPt;
}

/// <summary>Descriptive metadata carried into PDF Info/XMP and DOCX core properties.</summary>
public sealed record DocumentInfo(string Title, string? Subject = null, string? Author = null, string? Keywords = null, DateTimeOffset? Created = null);

/// <summary>A whole document: the layout-independent result of parsing markup.</summary>
public sealed record DocumentModel(DocumentInfo Info, PageSetup Page, IReadOnlyList<Block> Blocks);
