using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;
using UglyToad.PdfPig;
using static FormArchive.Tests.Pdf.PdfTestSupport;

namespace FormArchive.Tests.Pdf;

public class PdfTextExtractionTests
{
    private static readonly (string, FontFamilyKind, bool)[] s_lines =
    [
        (Radicals, FontFamilyKind.Serif, false),
        (Title, FontFamilyKind.Sans, true),
        (LatinDigits, FontFamilyKind.Serif, false),
        (NonBmp, FontFamilyKind.Serif, false),
        ("申请人 " + NonBmp + " 签字：" + LatinDigits, FontFamilyKind.Sans, false),
    ];

    [Fact]
    public void PdfPig_ExtractsEveryLineExactly()
    {
        byte[] pdf = SampleTextDocument(s_lines);
        using var doc = PdfDocument.Open(pdf);
        var lines = Lines(doc.GetPage(1));
        Assert.Equal(s_lines.Select(l => l.Item1), lines);
    }

    [Fact]
    public void Pdftotext_ExtractsEveryLineExactly()
    {
        string path = WriteTemp(SampleTextDocument(s_lines), "extract");
        var (code, output) = Run("pdftotext", "-layout", "-enc", "UTF-8", path, "-");
        Assert.Equal(0, code);
        var lines = output.Split('\n').Select(l => l.Trim().TrimEnd('\f')).Where(l => l.Length > 0).ToList();
        Assert.Equal(s_lines.Select(l => l.Item1), lines);
    }

    [Fact]
    public void GlyphPositions_MatchMeasureWidth()
    {
        // The /W widths drive where viewers place glyphs; they must agree with what layout measured.
        const string text = "池州 ID 1,234.00 " + NonBmp + "门";
        var fonts = FontLibrary.Default;
        var doc = new PdfDocumentBuilder(new PdfMetadata("w"));
        var page = doc.AddPage(500, 200);
        page.DrawText(text, 20, 100, FontFamilyKind.Serif, false, 20);
        using var pdf = PdfDocument.Open(doc.ToArray());
        var letters = pdf.GetPage(1).Letters.OrderBy(l => l.StartBaseLine.X).ToList();
        Assert.Equal(text, string.Concat(letters.Select(l => l.Value)));
        double end = letters[^1].EndBaseLine.X;
        Assert.Equal(20 + fonts.MeasureWidth(text, FontFamilyKind.Serif, false, 20), end, 0.05);
        // Each letter starts where the measured prefix ends.
        int i = 0;
        foreach (var l in letters)
        {
            string prefix = string.Concat(letters.Take(i++).Select(x => x.Value));
            Assert.Equal(20 + fonts.MeasureWidth(prefix, FontFamilyKind.Serif, false, 20), l.StartBaseLine.X, 0.05);
        }
    }

    [Fact]
    public void KangxiRadicalSharingAGlyph_DoesNotHijackTheIdeograph()
    {
        // U+2F08 ⼈ (Kangxi radical) may share its glyph with U+4EBA 人; the ordinary ideograph must win.
        var fonts = FontLibrary.Default;
        var (faceA, ga) = fonts.Resolve(0x2F08, FontFamilyKind.Serif, false);
        var (faceB, gb) = fonts.Resolve(0x4EBA, FontFamilyKind.Serif, false);
        var doc = new PdfDocumentBuilder(new PdfMetadata("k"));
        var page = doc.AddPage(300, 200);
        page.DrawText("\u2F08", 20, 50, FontFamilyKind.Serif, false, 20);
        page.DrawText("人", 20, 120, FontFamilyKind.Serif, false, 20);
        using var pdf = PdfDocument.Open(doc.ToArray());
        var lines = Lines(pdf.GetPage(1));
        if (ReferenceEquals(faceA, faceB) && ga == gb)
            Assert.Equal(["人", "人"], lines);
        else
            Assert.Equal(["\u2F08", "人"], lines);
    }
}

public class PdfNotdefTests
{
    [Fact]
    public void UnsupportedCharacter_IsNotPaintedButKeepsItsAdvance()
    {
        // U+E000 (private use) is in neither face. PDF/A-2 forbids showing .notdef, so it becomes a gap of
        // the measured width and the following text stays where layout measured it.
        var fonts = FontLibrary.Default;
        var doc = new PdfDocumentBuilder(new PdfMetadata("notdef"));
        var page = doc.AddPage(400, 200);
        page.DrawText("池\uE000州", 20, 100, FontFamilyKind.Serif, false, 20);
        byte[] bytes = doc.ToArray();
        using var pdf = PdfDocument.Open(bytes);
        var letters = pdf.GetPage(1).Letters.OrderBy(l => l.StartBaseLine.X).ToList();
        Assert.Equal("池州", string.Concat(letters.Select(l => l.Value)));
        Assert.Equal(20 + fonts.MeasureWidth("池\uE000", FontFamilyKind.Serif, false, 20), letters[1].StartBaseLine.X, 0.05);
        Assert.Equal(0, Run("qpdf", "--check", WriteTemp(bytes, "notdef")).ExitCode);
    }
}
