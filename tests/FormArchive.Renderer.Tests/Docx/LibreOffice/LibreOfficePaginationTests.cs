using FormArchive.Tests.Forms;

namespace FormArchive.Tests.Docx.LibreOffice;

/// <summary>
/// The DOCX, opened the way an office suite opens it (LibreOffice Writer, headless, to PDF), paginates like our PDF:
/// same number of pages, and every signature and seal label on the same page as in the PDF.
/// </summary>
public class LibreOfficePaginationTests(LibreOfficeRenderings renderings) : IClassFixture<LibreOfficeRenderings>
{
    public static IEnumerable<object?[]> Cases => FormsFixture.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docx_in_LibreOffice_has_the_pdfs_pages_and_signature_blocks_on_the_same_pages(string formId, string? sample)
    {
        Assert.True(LibreOfficeConverter.IsInstalled, "LibreOffice (libreoffice-writer-nogui) is not installed; scripts/bootstrap.sh installs it");
        var r = renderings.Get(formId, sample);
        Assert.True(r.OfficePages is not null, $"LibreOffice wrote no PDF for {r.DocxPath}");
        Assert.True(r.PdfPages.Count == r.OfficePages!.Count,
            $"{formId} {sample ?? "blank"}: our PDF has {r.PdfPages.Count} pages, LibreOffice's {r.OfficePages.Count}");
        foreach (var label in r.Labels)
        {
            var ours = PdfPageTexts.PagesWith(r.PdfPages, label);
            Assert.True(ours.Count > 0, $"{formId} {sample ?? "blank"}: label “{label}” is not in our PDF's text");
            var theirs = PdfPageTexts.PagesWith(r.OfficePages, label);
            Assert.True(ours.SequenceEqual(theirs),
                $"{formId} {sample ?? "blank"}: “{label}” on pages [{string.Join(",", ours)}] in our PDF, [{string.Join(",", theirs)}] in LibreOffice's");
        }
    }

    [Fact]
    public void LibreOffice_draws_the_text_with_the_embedded_cjk_serif()
    {
        // Without the embedded subset LibreOffice set 宋体 text in its Noto Sans CJK fallback.
        var r = renderings.Get("chizhou.application-pledge", "case.json");
        var (code, fonts) = FormArchive.Tests.Support.ExternalTool.Run("pdffonts", r.OfficePdfPath);
        Assert.Equal(0, code);
        Assert.Contains("NotoSerifCJK", fonts);
    }

    [Fact]
    public void Every_form_has_signature_or_seal_labels_to_check()
    {
        foreach (var form in FormsFixture.Catalog.Forms)
            Assert.True(renderings.Get(form.Id, null).Labels.Count > 0, $"{form.Id}: no signature or seal label found");
    }
}
