using FormArchive.Renderer.Model;
using FormArchive.Renderer.Rendering;
using FormArchive.Tests.Forms;
using FormArchive.Tests.Support;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Pdf;

/// <summary>What keeps PDFs small: bold 宋体 synthesized from the regular face (no third font program).</summary>
public class PdfSizeTests
{
    [Fact]
    public void Bold_serif_text_is_the_regular_face_filled_and_stroked()
    {
        var pdf = PdfTestSupport.SampleTextDocument(("共同生活家庭成员情况", FontFamilyKind.Serif, true), ("正文", FontFamilyKind.Serif, false));
        var (code, fonts) = ExternalTool.RunOnBytes(pdf, ".pdf", "pdffonts", path => [path]);
        Assert.Equal(0, code);
        Assert.Contains("NotoSerifCJKsc-Regular", fonts);
        Assert.DoesNotContain("NotoSerifCJKsc-Bold", fonts);
        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters;
        Assert.All(letters.Where(l => "共同生活家庭成员情况".Contains(l.Value)), l => Assert.Equal(UglyToad.PdfPig.Core.TextRenderingMode.FillThenStroke, l.RenderingMode));
        Assert.All(letters.Where(l => "正文".Contains(l.Value)), l => Assert.Equal(UglyToad.PdfPig.Core.TextRenderingMode.Fill, l.RenderingMode));
    }

    [Fact]
    public void Bold_sans_keeps_its_own_face()
    {
        var pdf = PdfTestSupport.SampleTextDocument(("标题", FontFamilyKind.Sans, true));
        var (_, fonts) = ExternalTool.RunOnBytes(pdf, ".pdf", "pdffonts", path => [path]);
        Assert.Contains("NotoSansCJKsc-Bold", fonts);
    }

    [Fact]
    public void Yunyang_economic_survey_with_the_sample_case_stays_under_61_kB()
    {
        // Issue 12 measured 64,2xx bytes; the goal is 60 KB. A regression guard at the size reached (60,550).
        var pdf = new DocumentRenderer().Render(FormsFixture.Model("yunyang.economic-survey", "yunyang-case.json"), OutputFormat.Pdf).Content;
        Assert.True(pdf.Length <= 61_000, $"{pdf.Length:N0} bytes");
    }
}
