using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;
using static FormArchive.Tests.Pdf.PdfTestSupport;

namespace FormArchive.Tests.Pdf;

/// <summary>
/// Extraction goes through /ToUnicode and would look right even if the wrong glyphs were drawn, so these tests
/// rasterize with pdftoppm. If content codes were subset-local glyph indices instead of the CIDs in the subset's
/// charset, the drawn shape would change with the rest of the subset.
/// </summary>
public class GlyphRenderingTests
{
    private static byte[] Raster(byte[] pdf, string name)
    {
        string path = WriteTemp(pdf, name);
        string prefix = Path.ChangeExtension(path, null);
        var (code, output) = Run("pdftoppm", "-gray", "-r", "72", "-x", "0", "-y", "0", "-W", "400", "-H", "60", "-singlefile", path, prefix);
        Assert.True(code == 0, output);
        return File.ReadAllBytes(prefix + ".pgm");
    }

    private static byte[] Render(string firstLine, string? rest)
    {
        var doc = new PdfDocumentBuilder(new PdfMetadata("r", Created: DateTimeOffset.UnixEpoch));
        var page = doc.AddPage(400, 400);
        page.DrawText(firstLine, 10, 40, FontFamilyKind.Serif, false, 24);
        if (rest != null)
            for (int i = 0, y = 120; i < rest.Length; i += 14, y += 26)
                page.DrawText(rest.Substring(i, Math.Min(14, rest.Length - i)), 10, y, FontFamilyKind.Serif, false, 20);
        return doc.ToArray();
    }

    [Fact]
    public void GlyphShapes_DoNotDependOnTheRestOfTheSubset()
    {
        byte[] alone = Raster(Render("人入口女子小支无", null), "alone");
        byte[] crowded = Raster(Render("人入口女子小支无", PdfTestSupport.FormCorpus), "crowded");
        Assert.Contains(alone.Skip(20), px => px < 128); // wrong codes render as empty .notdef in poppler
        Assert.Equal(alone, crowded);
    }

    [Fact]
    public void DifferentCharacters_RenderDifferently()
    {
        // Guards the test above against a renderer that draws nothing (or .notdef boxes) for everything.
        byte[] a = Raster(Render("人入口", null), "a");
        byte[] b = Raster(Render("入人口", null), "b");
        Assert.NotEqual(a, b);
        Assert.Contains(a.Skip(20), px => px < 128); // some ink
    }
}
