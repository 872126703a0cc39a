using FormArchive.Renderer.Rendering;
using FormArchive.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace FormArchive.Tests.Forms;

/// <summary>审核确认表 (attachment 3) rendered to PDF and read back.</summary>
public class ReviewFormPdfTests
{
    private static byte[] Pdf(string? sample) =>
        new DocumentRenderer().Render(FormsFixture.Model("chizhou.review-form", sample), OutputFormat.Pdf).Content;

    private static string Letters(Page page) => string.Concat(page.Letters.Select(l => l.Value));

    [Fact]
    public void A_15_member_household_runs_onto_more_pages_with_the_member_header_repeated()
    {
        using var pdf = PdfDocument.Open(Pdf("case-15-members.json"));
        Assert.True(pdf.NumberOfPages >= 2, $"{pdf.NumberOfPages} pages");
        var pages = pdf.GetPages().ToList();
        var names = new[] { "吴桂英", "程有根", "刘翠花", "程志强", "何晓燕", "程浩然", "程雨欣", "程志刚", "唐静", "程子轩", "程梓涵", "程国华", "程志伟", "程小燕" };
        // Pages with member rows (a name as a word of its own; the 家庭经济状况 text may mention members too).
        var pagesWithMembers = pages.Where(p => p.GetWords().Any(w => names.Contains(w.Text))).ToList();
        Assert.True(pagesWithMembers.Count >= 2);
        foreach (var page in pagesWithMembers)
        {
            var words = page.GetWords().ToList();
            var header = words.FirstOrDefault(w => w.Text == "共同生活家庭成员");
            Assert.NotNull(header);
            var idHeader = words.First(w => w.Text == "身份证号码");
            // PDF y grows upward: the repeated header sits above every member row on its page.
            var firstMember = words.Where(w => names.Contains(w.Text)).MaxBy(w => w.BoundingBox.Bottom)!;
            Assert.True(idHeader.BoundingBox.Bottom > firstMember.BoundingBox.Top, $"header below {firstMember.Text}");
        }
        // Every member printed once, in order.
        var all = string.Concat(pages.Select(Letters));
        var positions = names.Select(n => all.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Names_id_numbers_and_the_characters_Skia_garbles_extract_exactly()
    {
        var bytes = Pdf("case.json");
        using var pdf = PdfDocument.Open(bytes);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        Assert.Contains("汪德顺", words);
        Assert.Contains("34172319580312001X", words);
        var text = string.Concat(pdf.GetPages().Select(Letters));
        Assert.Contains("申请人", text);
        Assert.Contains("经县民政部门核对属实", text);
        // Kangxi radicals (U+2F00–U+2FDF) and CJK radicals supplement are what a broken ToUnicode map produces.
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF');

        var (code, poppler) = ExternalTool.RunOnBytes(bytes, ".pdf", "pdftotext", path => ["-enc", "UTF-8", path, "-"]);
        Assert.Equal(0, code);
        Assert.Contains("汪德顺", poppler);
        Assert.Contains("34172319580312001X", poppler);
        Assert.Contains("经县民政部门核对属实", poppler.Replace("\n", ""));
        Assert.DoesNotContain(poppler, c => c is >= '\u2E80' and <= '\u2FDF');
    }

    [Fact]
    public void The_blank_form_keeps_the_paper_forms_six_member_rows_and_three_supporter_rows()
    {
        var model = FormsFixture.Model("chizhou.review-form", null);
        var tables = model.Blocks.OfType<FormArchive.Renderer.Model.Table>().ToList();
        var members = tables.Single(t => ModelText.Of(model with { Blocks = [t] }, 1).Contains("共同生活家庭成员"));
        var supporters = tables.Single(t => ModelText.Of(model with { Blocks = [t] }, 1).Contains("非共同生活赡抚扶养人信息"));
        Assert.Equal(6, members.Rows.Count - members.HeaderRowCount);
        Assert.Equal(3, supporters.Rows.Count - supporters.HeaderRowCount);
        using var pdf = PdfDocument.Open(Pdf(null));
        Assert.Contains("池州市低收入人口审核确认表", Letters(pdf.GetPage(1)));
    }
}
