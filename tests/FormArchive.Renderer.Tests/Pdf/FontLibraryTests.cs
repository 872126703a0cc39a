using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Tests.Pdf;

public class FontLibraryTests
{
    [Fact]
    public void DefaultLibrary_LoadsFourNotoScFaces()
    {
        var lib = FontLibrary.Default;
        Assert.Equal("NotoSerifCJKsc-Regular", lib.Get(FontFamilyKind.Serif, false).PostScriptName);
        Assert.Equal("NotoSerifCJKsc-Bold", lib.Get(FontFamilyKind.Serif, true).PostScriptName);
        Assert.Equal("NotoSansCJKsc-Regular", lib.Get(FontFamilyKind.Sans, false).PostScriptName);
        Assert.Equal("NotoSansCJKsc-Bold", lib.Get(FontFamilyKind.Sans, true).PostScriptName);
        var f = lib.Get(FontFamilyKind.Serif, false);
        Assert.Equal(1000, f.UnitsPerEm);
        Assert.InRange(f.AscentEm, 0.8f, 1.3f);
        Assert.InRange(f.DescentEm, -0.4f, -0.1f);
        Assert.Same(lib, FontLibrary.Default);
    }

    [Fact]
    public void MeasureWidth_CountsIdeographsAsOneEmAndHandlesNonBmp()
    {
        var lib = FontLibrary.Default;
        Assert.Equal(150f, lib.MeasureWidth("池州市低收入人口申请", FontFamilyKind.Serif, false, 15f), 0.01);
        // 𠮷 is one rune (a surrogate pair): exactly one em, not two .notdef halves.
        Assert.Equal(12f, lib.MeasureWidth("\U00020BB7", FontFamilyKind.Serif, false, 12f), 0.01);
        float latin = lib.MeasureWidth("ID 1,234.00", FontFamilyKind.Serif, false, 10f);
        Assert.InRange(latin, 30f, 80f); // proportional Latin, far narrower than 11 em
        Assert.Equal(0f, lib.MeasureWidth("", FontFamilyKind.Sans, true, 10f));
    }

    [Fact]
    public void Resolve_FallsBackToNotdefOfRequestedFace()
    {
        var lib = FontLibrary.Default;
        var (face, glyph) = lib.Resolve(0xE000, FontFamilyKind.Sans, true); // private use: in neither face
        Assert.Equal(0, glyph);
        Assert.Same(lib.Get(FontFamilyKind.Sans, true), face);
        var (f2, g2) = lib.Resolve('池', FontFamilyKind.Sans, false);
        Assert.Same(lib.Get(FontFamilyKind.Sans, false), f2);
        Assert.NotEqual(0, g2);
    }

    [Fact]
    public void MissingFontDirectory_ExplainsWhichPackageToInstall()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FontLibrary.LoadFrom("/nonexistent/fonts"));
        Assert.Contains("NotoSerifCJK-Regular.ttc", ex.Message);
        Assert.Contains("install the Debian package fonts-noto-cjk", ex.Message);
    }

    [Fact]
    public void ParallelBuilders_ShareTheLibrarySafely()
    {
        var results = new byte[8][];
        Parallel.For(0, results.Length, i =>
        {
            var doc = new PdfDocumentBuilder(new PdfMetadata($"p{i}"));
            var page = doc.AddPage(595, 842);
            page.DrawText($"申请人{i} 池州市 {i * 1234}", 40, 60, i % 2 == 0 ? FontFamilyKind.Serif : FontFamilyKind.Sans, i % 3 == 0, 12);
            results[i] = doc.ToArray();
        });
        for (int i = 0; i < results.Length; i++)
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(results[i]);
            Assert.Equal($"申请人{i} 池州市 {i * 1234}", PdfTestSupport.Lines(pdf.GetPage(1)).Single());
        }
    }
}
