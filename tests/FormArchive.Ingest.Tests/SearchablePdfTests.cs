using UglyToad.PdfPig;

namespace FormArchive.Ingest.Tests;

[Collection("corpus")]
public sealed class SearchablePdfTests(CorpusFixture corpus)
{
    [Fact]
    public void PdfHasTheScanImageAndAnInvisibleSearchableTextLayer()
    {
        var truth = corpus.Truths.First(t => t.Kind == "id-front");
        var scan = corpus.Result(truth.File);
        var pdf = SearchablePdf.Build(scan, "身份证正面");
        using var doc = PdfDocument.Open(pdf);
        var page = doc.GetPage(1);
        Assert.Single(page.GetImages());
        var text = string.Concat(page.Letters.Select(l => l.Value));
        Assert.Contains(truth.Number!, text);
        Assert.All(page.Letters, l => Assert.Equal(UglyToad.PdfPig.Core.TextRenderingMode.Neither, l.RenderingMode));
        // The page has the size of the scan at 300 dpi.
        Assert.Equal(scan.Pages[0].Width * 72.0 / 300, page.Width, 1);
    }

    [Fact]
    public void ScannedPdfCanBeIngestedAgain()
    {
        // Our own searchable PDF is a valid "scanned PDF" input (Ghostscript rasterises it for Magick).
        var truth = corpus.Truths.First(t => t.Kind == "id-front");
        var pdf = SearchablePdf.Build(corpus.Result(truth.File), "x");
        var again = new ScanPipeline().Process("x.pdf", pdf);
        Assert.False(again.IsRejected, again.Rejected);
        Assert.Equal(Imaging.ScanFileType.Pdf, again.FileType);
        Assert.Contains(again.Pages[0].IdNumbers, i => i.IsValid && i.Number == truth.Number);
    }
}
