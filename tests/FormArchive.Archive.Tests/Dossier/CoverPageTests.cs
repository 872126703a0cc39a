using System.IO.Compression;
using System.Xml.Linq;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Dossier;
using FormArchive.Archive.Export;
using FormArchive.Archive.Tests.Fonds;
using FormArchive.Archive.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace FormArchive.Archive.Tests.Dossier;

[Collection("archive")]
public sealed class CoverPageTests(ArchiveFixture fx)
{
    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private async Task<(CaseArchive Archive, string Id)> SealedCaseAsync(string title = "张三 最低生活保障审核确认", string fileNumber = "秋浦-2025-017")
    {
        var archive = fx.Archive("local", fonds: FondsRegistryTests.Configured());
        var id = ArchiveFixture.NewCaseId("cov");
        await archive.OpenCaseAsync(Samples.Metadata(id) with { FileNumber = fileNumber, Title = title }, "王五");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("低保申请书", 2), "王五");
        await archive.AddDocumentAsync(id, Samples.PngUpload("身份证扫描件"), "王五");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("入户调查表", 3), "王五");
        await archive.SealAsync(id, "王五 (clerk, key 5d878bb4)");
        return (archive, id);
    }

    [Fact]
    public async Task The_cover_carries_the_GB_T_9705_fields_from_the_unit_s_configuration()
    {
        var (archive, id) = await SealedCaseAsync();
        using var doc = PdfDocument.Open(await DossierBuilder.BuildAsync(archive, id, "printer"));
        var cover = Squeeze(doc.GetPage(1).Text);
        Assert.Contains("档号全宗号目录号案卷号J012MZ3秋浦-2025-017", cover);   // the 档号 box: its heads, then their values
        foreach (var field in new[]
                 {
                     "全宗名称：池州市贵池区秋浦街道办事处", "案卷题名：张三最低生活保障审核确认", "起止日期：2025年3月1日至2025年3月2日",
                     "保管期限：30年", "密级：内部", "件数：3件", "页数：5页", "封存状态：已封存",
                 })
            Assert.Contains(field, cover);
        Assert.DoesNotContain(id, cover);   // the clerk's own number is the 案卷号, not the server's id
    }

    [Fact]
    public async Task A_long_title_wraps_onto_more_ruled_lines_and_is_printed_whole()
    {
        var title = "张三及其共同生活家庭成员最低生活保障、特困人员救助供养和临时救助审核确认及动态管理复核（2025年度第一次）";
        var fileNumber = "秋浦街道-2025-低保-第0170号-补正材料-张三户-动态管理复核卷宗-第一册";   // 38 of the 50 a file number may have
        var (archive, id) = await SealedCaseAsync(title, fileNumber);
        var pdf = await DossierBuilder.BuildAsync(archive, id, "printer");
        Artifacts.Save("dossier-long-title.pdf", pdf);
        using var doc = PdfDocument.Open(pdf);
        var page = doc.GetPage(1);
        Assert.Contains(Squeeze(title), Squeeze(page.Text));
        // The 档号 box wraps a long 案卷号 inside its column and the page's margins, and prints it whole.
        var box = page.GetWords().Where(w => w.BoundingBox.Top > page.Height - 200).ToList();
        Assert.Contains(fileNumber, string.Concat(box.Select(w => w.Text)).Replace("J012", "").Replace("MZ3", ""));
        Assert.All(box, w => Assert.True(w.BoundingBox.Right <= page.Width - 56 && w.BoundingBox.Left >= 56, $"{w.Text} at {w.BoundingBox}"));
        Assert.DoesNotContain("…", page.Text);
        // Below the 档号 box, nothing runs past the fields' right-hand rule, the page's 25 mm margin.
        Assert.All(page.GetWords().Where(w => w.BoundingBox.Top < page.Height - 230), w => Assert.True(w.BoundingBox.Right <= page.Width - 70.8, $"{w.Text} ends at {w.BoundingBox.Right:F1}"));
    }

    [Fact]
    public async Task The_export_XML_carries_the_same_fonds_catalogue_file_number_retention_and_classification_as_the_cover()
    {
        var (archive, id) = await SealedCaseAsync();
        using var ms = new MemoryStream();
        await ExportPackage.WriteAsync(archive, id, ms, "exporter");
        using var zip = new ZipArchive(new MemoryStream(ms.ToArray()));
        using var xmlStream = zip.GetEntry(ExportPackage.ManifestXml)!.Open();
        var xml = XDocument.Load(xmlStream);
        var volume = xml.Descendants("文件实体").First(e => (string?)e.Attribute("聚合层次") == "案卷");
        var code = volume.Element("档号")!;
        Assert.Equal(("J012-MZ3-秋浦-2025-017", "J012", "MZ3", "秋浦-2025-017", "30年"),
            (code.Element("档号")!.Value, code.Element("全宗号")!.Value, code.Element("目录号")!.Value, code.Element("案卷号")!.Value, code.Element("保管期限")!.Value));
        Assert.Equal("内部", volume.Element("内容描述")!.Element("密级")!.Value);
        Assert.Equal("池州市贵池区秋浦街道办事处", volume.Element("来源")!.Element("全宗名称")!.Value);
        Assert.Equal(id, volume.Element("电子文件号")!.Value);
        Assert.All(volume.Elements("文件实体"), d => Assert.Equal("秋浦-2025-017", d.Element("档号")!.Element("案卷号")!.Value));

        // The printed cover shows the very values the package carries.
        using var doc = PdfDocument.Open(await DossierBuilder.BuildAsync(archive, id, "printer"));
        var cover = Squeeze(doc.GetPage(1).Text);
        foreach (var value in new[] { "全宗号目录号案卷号" + code.Element("全宗号")!.Value + code.Element("目录号")!.Value + code.Element("案卷号")!.Value, "保管期限：" + code.Element("保管期限")!.Value, "密级：内部" })
            Assert.Contains(value, cover);
    }
}
