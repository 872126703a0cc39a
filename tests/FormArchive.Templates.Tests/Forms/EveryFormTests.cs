using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Rendering;
using FormArchive.Tests.Support;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Forms;

/// <summary>Every form, blank and with every sample, rendered for real and read back.</summary>
public class EveryFormTests
{
    public static IEnumerable<object?[]> Cases => FormsFixture.Cases();

    private static (byte[] Pdf, IReadOnlyList<LaidOutPage> Pages, string ModelText) RenderPdf(string formId, string? sample)
    {
        var model = FormsFixture.Model(formId, sample);
        var pages = PageComposer.Compose(model, FormsFixture.Measurer);
        var pdf = new DocumentRenderer().Render(model, OutputFormat.Pdf);
        Assert.Equal(pages.Count, pdf.PageCount);
        return (pdf.Content, pages, ModelText.Of(model, pages.Count));
    }

    private static string LaidOutText(IReadOnlyList<LaidOutPage> pages) => string.Concat(pages.SelectMany(p => p.Texts).Select(t => t.Text));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pdf_text_read_back_with_PdfPig_is_exactly_what_was_laid_out(string formId, string? sample)
    {
        var (pdf, pages, modelText) = RenderPdf(formId, sample);
        var laidOut = LaidOutText(pages);
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(pages.Count, document.NumberOfPages);
        var extracted = string.Concat(document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.True(ModelText.CharacterMultiset(laidOut) == ModelText.CharacterMultiset(extracted), ModelText.Difference(laidOut, extracted));
        // Nothing the data and template said is lost in layout (headers repeat, so layout may have more).
        var missing = ModelText.Difference(ModelText.CharacterMultiset(modelText), ModelText.CharacterMultiset(laidOut));
        Assert.StartsWith("missing: ;", missing);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pdf_text_read_back_with_pdftotext_is_exactly_what_was_laid_out(string formId, string? sample)
    {
        var (pdf, pages, _) = RenderPdf(formId, sample);
        var (code, text) = ExternalTool.RunOnBytes(pdf, ".pdf", "pdftotext", path => ["-enc", "UTF-8", path, "-"]);
        Assert.Equal(0, code);
        var laidOut = LaidOutText(pages);
        Assert.True(ModelText.CharacterMultiset(laidOut) == ModelText.CharacterMultiset(text), ModelText.Difference(laidOut, text));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pdf_embeds_only_subset_cid_fonts_and_passes_qpdf(string formId, string? sample)
    {
        var (pdf, _, _) = RenderPdf(formId, sample);
        var (code, fonts) = ExternalTool.RunOnBytes(pdf, ".pdf", "pdffonts", path => [path]);
        Assert.Equal(0, code);
        var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        Assert.DoesNotContain("Type 3", fonts);
        foreach (var row in rows)
        {
            Assert.Matches(@"^[A-Z]{6}\+", row);
            Assert.Contains("CID", row);
            Assert.Matches(@"\byes\s+yes\s+yes\b", row); // emb sub uni
        }
        var (qpdf, output) = ExternalTool.RunOnBytes(pdf, ".pdf", "qpdf", path => ["--check", path]);
        Assert.True(qpdf == 0, output);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docx_validates_with_no_errors(string formId, string? sample)
    {
        var model = FormsFixture.Model(formId, sample);
        var bytes = new DocumentRenderer().Render(model, OutputFormat.Docx).Content;
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains(FormsFixture.Catalog.Get(formId).Metadata.Title, text);
    }
}
