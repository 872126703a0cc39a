using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;
using ModelParagraph = FormArchive.Renderer.Model.Paragraph;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using TextAlignment = FormArchive.Renderer.Model.TextAlignment;

namespace FormArchive.Renderer.Docx;

/// <summary>Paragraph-level blocks: Paragraph, Spacer, PageBreak, SealArea. pPr children in schema order.</summary>
internal static class DocxParagraphBuilder
{
    /// <summary>A paragraph <paramref name="widthPt"/> wide (the page's or the cell's content width).</summary>
    public static WParagraph Build(ModelParagraph paragraph, float widthPt, DocxContext context)
    {
        // Shrink-to-fit as the PDF layout does it, so the sizes (and the line count) agree.
        paragraph = TextFit.Fit(paragraph, widthPt, context.Measurer);
        var baseFamily = DocxStyles.BaseFamily(paragraph.HeadingLevel);
        var last = paragraph.Inlines.Count > 0 ? paragraph.Inlines[^1].Style : null;
        var p = new WParagraph(Properties(paragraph.Style, DocxStyles.HeadingStyleId(paragraph.HeadingLevel),
            DocxRunProperties.Mark(last, baseFamily), LinePitch.Of(paragraph)));
        DocxInlineBuilder.Append(p, paragraph.Inlines, baseFamily, context);
        return p;
    }

    /// <summary>An empty paragraph exactly <paramref name="heightPt"/> tall (null for no height).</summary>
    public static WParagraph? Spacer(float heightPt, bool keepNext = false)
    {
        var twips = DocxUnits.Twips(heightPt);
        if (twips <= 0) return null;
        var pPr = new ParagraphProperties();
        if (keepNext) pPr.AppendChild(new KeepNext());
        pPr.AppendChild(new SpacingBetweenLines { Before = "0", After = "0", Line = DocxUnits.Str(twips), LineRule = LineSpacingRuleValues.Exact });
        pPr.AppendChild(new ParagraphMarkRunProperties(new FontSize { Val = "2" }, new FontSizeComplexScript { Val = "2" }));
        return new WParagraph(pPr);
    }

    /// <summary>A paragraph holding only a page break.</summary>
    public static WParagraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>Clear space for the stamp, then the label, unit and date lines, kept together on one page.</summary>
    public static IEnumerable<WParagraph> Seal(SealArea seal)
    {
        var style = new ParagraphStyle(seal.Alignment, KeepWithNext: true);
        var family = DocxStyles.BaseFamily(0);
        if (Spacer(seal.HeightPt, keepNext: true) is { } space) yield return space;

        var lines = seal.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var last = i == lines.Count - 1;
            // Every line keeps with the next and its own lines, so the seal block never splits.
            var paragraph = new WParagraph(Properties(style with { KeepWithNext = !last }, null, DocxRunProperties.Mark(seal.Style, family),
                SealLayout.LinePitch(seal.Style), keepLines: true));
            var run = new Run(DocxRunProperties.For(seal.Style, family));
            DocxText.AppendTo(run, lines[i]);
            paragraph.AppendChild(run);
            yield return paragraph;
        }
    }

    /// <summary>
    /// pPr: pStyle, keepNext, keepLines, spacing, ind, jc, rPr — the schema's order. The line pitch is exact and the
    /// same as the PDF layout's (<see cref="LinePitch"/>): "auto" spacing multiplies each office suite's own idea of
    /// the font's line height (LibreOffice's came out 1.44 × the PDF's pitch and ran forms onto extra pages).
    /// </summary>
    public static ParagraphProperties Properties(ParagraphStyle style, string? styleId, ParagraphMarkRunProperties? mark, float linePitchPt, bool keepLines = false)
    {
        var pPr = new ParagraphProperties();
        if (styleId is not null) pPr.AppendChild(new ParagraphStyleId { Val = styleId });
        if (style.KeepWithNext) pPr.AppendChild(new KeepNext());
        if (keepLines) pPr.AppendChild(new KeepLines());

        pPr.AppendChild(new SpacingBetweenLines
        {
            Before = DocxUnits.Str(Math.Max(0, DocxUnits.Twips(style.SpaceBeforePt))),
            After = DocxUnits.Str(Math.Max(0, DocxUnits.Twips(style.SpaceAfterPt))),
            Line = DocxUnits.Str(Math.Max(20, DocxUnits.Twips(linePitchPt))),
            LineRule = LineSpacingRuleValues.Exact,
        });

        var indent = DocxUnits.Twips(style.FirstLineIndentPt);
        if (indent > 0) pPr.AppendChild(new Indentation { FirstLine = DocxUnits.Str(indent) });
        else if (indent < 0) pPr.AppendChild(new Indentation { Left = DocxUnits.Str(-indent), Hanging = DocxUnits.Str(-indent) });

        var jc = style.Alignment switch
        {
            TextAlignment.Center => JustificationValues.Center,
            TextAlignment.Right => JustificationValues.Right,
            TextAlignment.Justify => JustificationValues.Both,
            _ => (JustificationValues?)null,
        };
        if (jc is { } j) pPr.AppendChild(new Justification { Val = j });
        if (mark is not null) pPr.AppendChild(mark);
        return pPr;
    }
}
