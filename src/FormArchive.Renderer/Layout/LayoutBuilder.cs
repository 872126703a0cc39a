using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// Turns document-model blocks into layout elements. <paramref name="pageContentHeightPt"/> is the height of a page's
/// body, which tables need to tell a row that could move whole to the next page from one that must split.
/// </summary>
public sealed class LayoutBuilder(ITextMeasurer measurer, float pageContentHeightPt = float.MaxValue)
{
    public float PageContentHeightPt => pageContentHeightPt;

    public ColumnLayout BuildColumn(IReadOnlyList<Block> blocks) => new(blocks.Select(Build).ToList());

    public ILayoutElement Build(Block block) => block switch
    {
        Paragraph p => new ParagraphLayout(p, measurer),
        Table t => new TableLayout(t, this),
        SealArea s => new SealLayout(s, measurer),
        Spacer s => new SpacerLayout(s.HeightPt),
        PageBreak => new PageBreakLayout(),
        _ => throw new NotSupportedException($"no layout for {block.GetType().Name}"),
    };
}
