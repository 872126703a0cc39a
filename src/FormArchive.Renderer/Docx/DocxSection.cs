using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Docx;

/// <summary>w:sectPr from <see cref="PageSetup"/>: page size and orientation, margins (twips).</summary>
internal static class DocxSection
{
    public static SectionProperties Build(PageSetup page)
    {
        var width = DocxUnits.Twips(page.WidthPt);
        var height = DocxUnits.Twips(page.HeightPt);
        var size = new PageSize { Width = (uint)width, Height = (uint)height };
        if (page.Orientation == PageOrientation.Landscape) size.Orient = PageOrientationValues.Landscape;

        var top = DocxUnits.Twips(page.MarginTopPt);
        var bottom = DocxUnits.Twips(page.MarginBottomPt);
        var margin = new PageMargin
        {
            Top = top,
            Right = (uint)Math.Max(0, DocxUnits.Twips(page.MarginRightPt)),
            Bottom = bottom,
            Left = (uint)Math.Max(0, DocxUnits.Twips(page.MarginLeftPt)),
            // No headers or footers are written; keep their distances inside the margins.
            Header = (uint)Math.Max(0, top / 2),
            Footer = (uint)Math.Max(0, bottom / 2),
            Gutter = 0u,
        };
        return new SectionProperties(size, margin, new Columns { Space = "425" });
    }

    /// <summary>The width body tables share: page width minus margins, in the same rounded twips Word uses.</summary>
    public static int ContentTwips(PageSetup page) =>
        Math.Max(DocxTableGrid.MinTwips,
            DocxUnits.Twips(page.WidthPt) - DocxUnits.Twips(page.MarginLeftPt) - DocxUnits.Twips(page.MarginRightPt));
}
