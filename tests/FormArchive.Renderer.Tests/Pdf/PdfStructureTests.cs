using System.Text;
using System.Text.RegularExpressions;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;
using UglyToad.PdfPig;
using static FormArchive.Tests.Pdf.PdfTestSupport;

namespace FormArchive.Tests.Pdf;

public class PdfStructureTests
{
    private static byte[] FormLikeDocument(string title = "池州市低收入人口申请受理告知书")
    {
        var doc = new PdfDocumentBuilder(new PdfMetadata(title, "受理告知", "池州市民政局", "低收入;告知书",
            Created: new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(8))));
        var page = doc.AddPage(595.28f, 841.89f);
        page.DrawText(Title, 120, 70, FontFamilyKind.Sans, true, 20);
        page.DrawText(Radicals, 50, 120, FontFamilyKind.Serif, false, 12);
        page.DrawText(LatinDigits + " " + NonBmp, 50, 140, FontFamilyKind.Serif, false, 12);
        page.DrawLine(50, 150, 545, 150, 1);
        page.DrawLine(50, 160, 545, 160, 0.5f, dashed: true);
        page.StrokeRectangle(50, 170, 495, 100, 0.75f);
        page.FillRectangle(50, 170, 120, 100, 0.9f);
        page.StrokeRectangle(60, 290, 12, 12, 0.75f);
        page.DrawCheckMark(60, 290, 12, 1.2f);
        page.DrawText("同意", 78, 300, FontFamilyKind.Serif, false, 12);
        doc.AddBookmark("告知书", 0, 50);
        return doc.ToArray();
    }

    [Fact]
    public void Pdffonts_ReportsEmbeddedSubsetCidFontsOnly()
    {
        string path = WriteTemp(FormLikeDocument(), "fonts");
        var (code, output) = Run("pdffonts", path);
        Assert.Equal(0, code);
        var rows = output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal(2, rows.Count); // Sans Bold (title) + Serif Regular (body)
        foreach (var row in rows)
        {
            Assert.DoesNotContain("Type 3", row);
            Assert.Contains("CID Type 0C", row);
            Assert.Matches(new Regex(@"^[A-Z]{6}\+NotoS(erif|ans)CJKsc-(Regular|Bold)\s"), row);
            var cols = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // ... emb sub uni objectNum gen
            Assert.Equal("yes", cols[^5]);
            Assert.Equal("yes", cols[^4]);
            Assert.Equal("yes", cols[^3]);
        }
    }

    [Fact]
    public void Qpdf_CheckPassesWithoutWarnings()
    {
        string path = WriteTemp(FormLikeDocument(), "qpdf");
        var (code, output) = Run("qpdf", "--check", path);
        Assert.True(code == 0, output);
        Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No syntax or stream encoding errors", output);
    }

    [Fact]
    public void InfoDictionaryAndXmp_CarryMetadataAndPdfAIdentification()
    {
        const string title = "池州市低收入人口申请受理告知书 (2024)";
        using var pdf = PdfDocument.Open(FormLikeDocument(title));
        Assert.Equal(title, pdf.Information.Title);
        Assert.Equal("池州市民政局", pdf.Information.Author);
        Assert.Equal("FormArchive", pdf.Information.Producer);
        Assert.StartsWith("D:20240301093000+08'00'", pdf.Information.CreationDate);
        Assert.True(pdf.TryGetXmpMetadata(out var xmp));
        string xml = Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", xml);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", xml);
        Assert.Contains("<xmp:CreateDate>2024-03-01T09:30:00+08:00</xmp:CreateDate>", xml);
        Assert.Contains(System.Security.SecurityElement.Escape(title)!, xml);
        var xdoc = xmp.GetXDocument(); // must be well-formed XML
        Assert.NotNull(xdoc.Root);
    }

    [Fact]
    public void Trailer_HasIdAndCatalogHasGrayOutputIntent()
    {
        byte[] bytes = FormLikeDocument();
        string text = Encoding.Latin1.GetString(bytes);
        Assert.Matches(new Regex(@"trailer\s*<<.*?/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]", RegexOptions.Singleline), text);
        Assert.StartsWith("%PDF-1.7\n%", text);
        string path = WriteTemp(bytes, "intent");
        var (code, catalog) = Run("qpdf", "--show-object=1", path);
        Assert.Equal(0, code);
        Assert.Contains("/Type /Catalog", catalog);
        Assert.Contains("/S /GTS_PDFA1", catalog);
        var profileRef = Regex.Match(catalog, @"/DestOutputProfile (\d+) 0 R");
        Assert.True(profileRef.Success, catalog);
        // The embedded ICC profile must decode to a gray display profile with the 'acsp' signature.
        string iccPath = path + ".icc";
        var (code2, _) = Run("sh", "-c", $"qpdf --show-object={profileRef.Groups[1].Value} --filtered-stream-data '{path}' > '{iccPath}'");
        Assert.Equal(0, code2);
        byte[] icc = File.ReadAllBytes(iccPath);
        Assert.Equal(icc.Length, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(icc));
        Assert.Equal("mntrGRAYXYZ ", Encoding.ASCII.GetString(icc, 12, 12));
        Assert.Equal("acsp", Encoding.ASCII.GetString(icc, 36, 4));
        var (cls, space, rgb) = LittleCms.GrayToSrgb(icc, [0, 255]);
        Assert.Equal(("mntr", "GRAY"), (cls, space));
        Assert.All(rgb[..3], c => Assert.InRange(c, 0, 2));       // black stays black
        Assert.All(rgb[3..], c => Assert.InRange(c, 253, 255));   // white stays white
    }

    [Fact]
    public void PageWithThreeHundredDistinctIdeographs_StaysSmall()
    {
        var doc = new PdfDocumentBuilder(new PdfMetadata("size"));
        var page = doc.AddPage(595.28f, 841.89f);
        Assert.Equal(300, FormCorpus.Distinct().Count());
        float y = 60;
        for (int i = 0; i < FormCorpus.Length; i += 25, y += 22)
        {
            // Alternate faces: headings Sans, body Serif, as a typical form does.
            var family = (i / 25) % 3 == 0 ? FontFamilyKind.Sans : FontFamilyKind.Serif;
            page.DrawText(FormCorpus.Substring(i, Math.Min(25, FormCorpus.Length - i)), 50, y, family, false, 14);
        }
        page.DrawText(LatinDigits, 50, y + 20, FontFamilyKind.Serif, false, 12);
        byte[] bytes = doc.ToArray();
        // Measured ~55 KB (see report); the bound leaves margin for font package updates.
        Assert.True(bytes.Length < 80_000, $"{bytes.Length} bytes");
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(FormCorpus + LatinDigits, string.Concat(Lines(pdf.GetPage(1))));
    }

    [Fact]
    public void MultiPageDocument_ReadsBackPageCountSizesAndBookmarks()
    {
        var doc = new PdfDocumentBuilder(new PdfMetadata("multi"));
        (float W, float H)[] sizes = [(595.28f, 841.89f), (841.89f, 595.28f), (419.53f, 595.28f)];
        for (int i = 0; i < sizes.Length; i++)
        {
            var page = doc.AddPage(sizes[i].W, sizes[i].H);
            page.DrawText($"第{i + 1}页 {Title}", 40, 60, FontFamilyKind.Serif, false, 14);
            doc.AddBookmark($"第{i + 1}页", i, 40);
        }
        Assert.Equal(3, doc.PageCount);
        byte[] bytes = doc.ToArray();
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(3, pdf.NumberOfPages);
        for (int i = 0; i < sizes.Length; i++)
        {
            var p = pdf.GetPage(i + 1);
            Assert.Equal(sizes[i].W, p.Width, 0.01);
            Assert.Equal(sizes[i].H, p.Height, 0.01);
            Assert.Equal($"第{i + 1}页 {Title}", Lines(p).Single());
        }
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(["第1页", "第2页", "第3页"], bookmarks.GetNodes().Select(n => n.Title));
        Assert.Equal(0, Run("qpdf", "--check", WriteTemp(bytes, "multi")).ExitCode);
    }

    [Fact]
    public void CheckMarkLinesAndRectangles_ProduceValidPaths()
    {
        var doc = new PdfDocumentBuilder(new PdfMetadata("paths"));
        var page = doc.AddPage(300, 300);
        page.DrawLine(10, 10, 290, 10, 1);
        page.DrawLine(10, 20, 290, 20, 0.5f, dashed: true);
        page.StrokeRectangle(10, 30, 100, 50, 1);
        page.FillRectangle(120, 30, 100, 50, 0.8f);
        page.DrawCheckMark(20, 100, 20, 2);
        byte[] bytes = doc.ToArray();
        using (var pdf = PdfDocument.Open(bytes))
        {
            var p = pdf.GetPage(1);
            Assert.Empty(p.Letters);
            Assert.Equal(5, p.Paths.Count);
            // The tick lies inside its square (PDF space: y up, square spans 180..200).
            var tick = p.Paths[^1];
            var box = tick.GetBoundingRectangle()!.Value;
            Assert.InRange(box.Left, 20, 40);
            Assert.InRange(box.Right, 20, 40);
            Assert.InRange(box.Bottom, 180, 200);
            Assert.InRange(box.Top, 180, 200);
            Assert.True(tick.IsStroked);
            Assert.True(p.Paths[3].IsFilled);
        }
        var (code, output) = Run("qpdf", "--check", WriteTemp(bytes, "paths"));
        Assert.True(code == 0, output);
        Assert.DoesNotContain("WARNING", output);
    }
}
