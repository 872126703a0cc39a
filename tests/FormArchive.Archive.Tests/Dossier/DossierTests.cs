using FormArchive.Archive.Dossier;
using FormArchive.Archive.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace FormArchive.Archive.Tests.Dossier;

[Collection("archive")]
public sealed class DossierTests(ArchiveFixture fx)
{
    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task The_dossier_is_cover_directory_and_the_stored_pages_with_bookmarks(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("dos");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("低保申请书", 2), "clerk");
        await archive.AddDocumentAsync(id, Samples.PngUpload("身份证扫描件"), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("入户调查表", 3), "clerk");
        await archive.SealAsync(id, "clerk");

        var pdf = await DossierBuilder.BuildAsync(archive, id, "printer");

        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(2 + 2 + 3, doc.NumberOfPages);
        Assert.Contains("案 卷 封 面", doc.GetPage(1).Text);
        Assert.Contains("张三 最低生活保障审核确认", doc.GetPage(1).Text);
        var directory = doc.GetPage(2).Text;
        Assert.Contains("卷 内 目 录", directory);
        Assert.Contains("1–2", directory);   // 申请书: pages 1–2
        Assert.Contains("3–5", directory);   // 入户调查表: pages 3–5
        Assert.Contains("身份证扫描件", directory);
        Assert.Contains("低保申请书 第1页", doc.GetPage(3).Text);  // copied, not re-rendered: the stored text
        Assert.Contains("入户调查表 第3页", doc.GetPage(7).Text);
        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        var marks = bookmarks.GetNodes().OfType<UglyToad.PdfPig.Outline.DocumentBookmarkNode>().Select(n => (n.Title, n.PageNumber)).ToList();
        Assert.Equal([("案卷封面", 1), ("卷内目录", 2), ("1. 低保申请书", 3), ("3. 入户调查表", 5)], marks);
    }
}
