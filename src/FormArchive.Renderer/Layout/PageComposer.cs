using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// Pours a document's blocks into pages and, when a form runs to more than one page, numbers them
/// "第 N 页 共 M 页" in the bottom margin so loose sheets can be put back in order.
/// </summary>
public static class PageComposer
{
    private const int MaxPages = 500;
    private static readonly TextStyle PageNumberStyle = new(FontFamilyKind.Serif, 9f);

    public static IReadOnlyList<LaidOutPage> Compose(DocumentModel document, ITextMeasurer measurer)
    {
        var page = document.Page;
        var body = new LayoutBuilder(measurer, page.ContentHeightPt).BuildColumn(document.Blocks);
        var pages = new List<LaidOutPage>();
        while (true)
        {
            var plan = body.Measure(page.ContentWidthPt, page.ContentHeightPt);
            if (plan.Kind == SpacePlanKind.Wrap)
                throw new LayoutException($"page {pages.Count + 1}: the next block is taller than a whole page and cannot be split "
                    + "(a table row group joined by row spans?)");
            var laidOut = new LaidOutPage(page.WidthPt, page.HeightPt);
            body.Draw(laidOut, page.MarginLeftPt, page.MarginTopPt, page.ContentWidthPt, page.ContentHeightPt);
            pages.Add(laidOut);
            if (plan.Kind == SpacePlanKind.Full) break;
            if (pages.Count >= MaxPages) throw new LayoutException($"the document exceeds {MaxPages} pages");
        }
        if (pages.Count > 1) NumberPages(pages, page, measurer);
        return pages;
    }

    public static string PageNumberText(int number, int total) => $"第 {number} 页 共 {total} 页";

    private static void NumberPages(List<LaidOutPage> pages, PageSetup setup, ITextMeasurer measurer)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            var text = PageNumberText(i + 1, pages.Count);
            var width = measurer.Width(text, PageNumberStyle);
            var baseline = setup.HeightPt - setup.MarginBottomPt / 2f + PageNumberStyle.SizePt / 2f;
            pages[i].DrawText(text, (setup.WidthPt - width) / 2f, baseline, PageNumberStyle);
        }
    }
}
