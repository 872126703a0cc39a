using FormArchive.Renderer.Rendering;
using FormArchive.Tests.Docx.LibreOffice;
using FormArchive.Tests.Forms;
using FormArchive.Tests.Support;

namespace FormArchive.Tests.Pdf;

/// <summary>
/// A ticked box and an empty one differ in the PDF's text (√ / □ as invisible text over the drawn box), so a
/// searchable archive keeps the decision; read back with pdftotext, the tool an archive indexer would use.
/// </summary>
public class CheckboxTextTests
{
    private static string PdfText(string formId, string sample)
    {
        var pdf = new DocumentRenderer().Render(FormsFixture.Model(formId, sample), OutputFormat.Pdf).Content;
        var (code, text) = ExternalTool.RunOnBytes(pdf, ".pdf", "pdftotext", path => ["-enc", "UTF-8", path, "-"]);
        Assert.Equal(0, code);
        return PdfPageTexts.Squeeze(text);
    }

    [Fact]
    public void Review_form_shows_the_ticked_category_and_the_empty_ones()
    {
        var text = PdfText("chizhou.review-form", "case.json");
        Assert.Contains("√最低生活保障", text);
        Assert.Contains("□特困人员救助", text);
        Assert.Contains("□低保边缘家庭", text);
        Assert.DoesNotContain("√特困人员救助", text);
    }

    [Fact]
    public void A_different_decision_gives_different_text()
    {
        var dibao = PdfText("chizhou.review-form", "case.json");
        var marginal = PdfText("chizhou.review-form", "case-marginal-minority.json");
        Assert.Contains("√低保边缘家庭", marginal);
        Assert.Contains("□最低生活保障", marginal);
        Assert.DoesNotContain("√低保边缘家庭", dibao);
    }

    [Fact]
    public void The_state_text_is_not_painted()
    {
        // Render mode 3 (invisible): the box stays the vector drawing; no glyph is painted over it.
        var pdf = new DocumentRenderer().Render(FormsFixture.Model("chizhou.review-form", "case.json"), OutputFormat.Pdf).Content;
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var letters = document.GetPages().SelectMany(p => p.Letters).Where(l => l.Value is "√" or "□").ToList();
        Assert.NotEmpty(letters);
        Assert.All(letters, l => Assert.Equal(UglyToad.PdfPig.Core.TextRenderingMode.Neither, l.RenderingMode));
    }
}
