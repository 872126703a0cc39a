namespace FormArchive.Tests.Docx;

/// <summary>In DOCX, where a paragraph has no rule per line, a ruled paragraph gets one rule under it — and stays valid.</summary>
public sealed class RuledParagraphDocxTests
{
    [Fact]
    public void A_ruled_paragraph_has_a_bottom_border_and_the_document_validates()
    {
        var model = FormArchive.Renderer.Markup.MarkupParser.Parse(
            "<document title=\"t\" paper=\"A4\"><p ruled=\"true\" keep-with-next=\"true\">池州市贵池区秋浦街道办事处</p><p>下一段</p></document>");
        using var docx = new OpenedDocx(model);
        var paragraphs = docx.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        Assert.NotNull(paragraphs[0].ParagraphProperties!.ParagraphBorders!.BottomBorder);
        Assert.Null(paragraphs[1].ParagraphProperties?.ParagraphBorders);
        Assert.Equal("", OpenedDocx.Validate(docx.Package, DocumentFormat.OpenXml.FileFormatVersions.Office2016));
    }
}
