using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;
using ModelParagraph = FormArchive.Renderer.Model.Paragraph;
using TextAlignment = FormArchive.Renderer.Model.TextAlignment;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FormArchive.Renderer.Docx;

/// <summary>Paragraph-level blocks: Paragraph, Spacer, PageBreak, SealArea. pPr children in schema order.</summary>
internal static class DocxParagraphBuilder
{
    /// <summary>
    /// A paragraph <paramref name="widthPt"/> wide (the page's or the cell's content width). A w:p has one line pitch;
    /// when the lines between &lt;br/&gt;s have different sizes (a header "健康状况" over a smaller "（健康、一般…）"),
    /// each such line becomes its own w:p with its own pitch, kept together, as the PDF spaces each line by its size.
    /// </summary>
    /// <remarks>In a table cell the lines are not chained with keepNext: the row cannot split (cantSplit), and Word
    /// reads keepNext inside a row as keeping the row with the next one.</remarks>
    public static IEnumerable<WParagraph> Build(ModelParagraph paragraph, float widthPt, DocxContext context, bool inCell = false)
    {
        // Shrink-to-fit as the PDF layout does it, so the sizes (and the line count) agree.
        paragraph = TextFit.Fit(paragraph, widthPt, context.Measurer);
        var segments = Segments(paragraph);
        if (segments.Count <= 1 || segments.All(s => LinePitch.Of(s) == LinePitch.Of(segments[0])))
        {
            yield return One(paragraph, context);
            yield break;
        }
        for (var i = 0; i < segments.Count; i++)
        {
            var first = i == 0;
            var last = i == segments.Count - 1;
            var style = paragraph.Style with
            {
                FirstLineIndentPt = first ? paragraph.Style.FirstLineIndentPt : 0f,
                SpaceBeforePt = first ? paragraph.Style.SpaceBeforePt : 0f,
                SpaceAfterPt = last ? paragraph.Style.SpaceAfterPt : 0f,
                KeepWithNext = (!last && !inCell) || paragraph.Style.KeepWithNext,
            };
            yield return One(segments[i] with { Style = style }, context, keepLines: !inCell);
        }
    }

    /// <summary>Sets keepNext on every paragraph inside <paramref name="element"/> (a table row).</summary>
    public static void KeepWithNext(DocumentFormat.OpenXml.OpenXmlElement element)
    {
        foreach (var p in element.Descendants<WParagraph>().ToList())
        {
            var pPr = p.ParagraphProperties ?? p.PrependChild(new ParagraphProperties());
            pPr.KeepNext ??= new KeepNext();
        }
    }

    /// <summary>The paragraph cut at its line breaks (an empty line keeps the paragraph's first style for its size).</summary>
    private static List<ModelParagraph> Segments(ModelParagraph paragraph)
    {
        var segments = new List<ModelParagraph>();
        var current = new List<Inline>();
        var baseStyle = paragraph.Inlines.Count > 0 ? paragraph.Inlines[0].Style : TextStyle.Default;
        void Flush()
        {
            // An empty segment holds an empty run so its pitch follows the paragraph's first size, as the layout does.
            if (current.Count == 0) current.Add(new TextRun(string.Empty, baseStyle));
            segments.Add(paragraph with { Inlines = current.ToList() });
            current.Clear();
        }
        foreach (var inline in paragraph.Inlines)
        {
            if (inline is LineBreak) Flush();
            else current.Add(inline);
        }
        Flush();
        return segments;
    }

    private static WParagraph One(ModelParagraph paragraph, DocxContext context, bool keepLines = false)
    {
        var baseFamily = DocxStyles.BaseFamily(paragraph.HeadingLevel);
        var last = paragraph.Inlines.Count > 0 ? paragraph.Inlines[^1].Style : null;
        var p = new WParagraph(Properties(paragraph.Style, DocxStyles.HeadingStyleId(paragraph.HeadingLevel),
            DocxRunProperties.Mark(last, baseFamily), LinePitch.Of(paragraph), keepLines));
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
    public static ParagraphProperties Properties(ParagraphStyle style, string? styleId, ParagraphMarkRunProperties? mark, float linePitchPt,
        bool keepLines = false)
    {
        var pPr = new ParagraphProperties();
        if (styleId is not null) pPr.AppendChild(new ParagraphStyleId { Val = styleId });
        if (style.KeepWithNext) pPr.AppendChild(new KeepNext());
        if (keepLines) pPr.AppendChild(new KeepLines());
        // Word has no rule per line: a ruled paragraph gets one rule under it.
        if (style.Ruled) pPr.AppendChild(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 1 }));

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
