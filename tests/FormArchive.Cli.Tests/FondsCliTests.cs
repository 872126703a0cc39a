using System.IO.Compression;
using System.Xml.Linq;
using FormArchive.Archive.Cases;
using FormArchive.Tests.Integrity;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Cli;

/// <summary>
/// The command line reads the fonds settings from the file FORMARCHIVE_FONDS names: cover and export agree, a sealed
/// case keeps the reference it was sealed with when the file changes, an open one follows it; a broken file is one clear line.
/// </summary>
public sealed class FondsCliTests : IDisposable
{
    private readonly ArchiveProcess _archive = new(null);

    public void Dispose()
    {
        try { Directory.Delete(_archive.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Dossier_and_export_print_the_configured_fonds_and_a_broken_settings_file_is_refused()
    {
        var id = "FD-" + Guid.NewGuid().ToString("N")[..10];
        var openId = "FO-" + Guid.NewGuid().ToString("N")[..10];
        using (var host = await _archive.OpenAsync())
        {
            foreach (var (caseId, fileNumber) in new[] { (id, "秋浦-2025-017"), (openId, "秋浦-2025-018") })
            {
                await host.Archive.OpenCaseAsync(new CaseMetadata
                {
                    CaseId = caseId, FileNumber = fileNumber, Title = "张三 最低生活保障审核确认", ApplicantName = "张三", IdNumber = "11010519491231002X",
                    Township = "秋浦街道", Agency = "秋浦街道办事处", RetentionPeriod = "",
                }, "clerk");
                await host.Archive.AddDocumentAsync(caseId, new DocumentUpload
                {
                    Title = "申请书", FileName = "a.json", MediaType = "application/json", Content = "{}"u8.ToArray(),
                }, "clerk");
            }
        }
        var settings = Path.Combine(_archive.DataDirectory, "fonds.json");
        File.WriteAllText(settings, """
            { "Default": { "RetentionPeriod": "永久" },
              "Units": { "秋浦街道": { "FondsName": "池州市贵池区秋浦街道办事处", "FondsCode": "J012", "CatalogNo": "3", "Classification": "内部" } } }
            """);
        _archive.Environment["FORMARCHIVE_FONDS"] = settings;
        var (code, output) = await _archive.RunAsync(null, "seal", id, "--clerk", "王五");
        Assert.True(code == 0, output);

        // The settings change after the seal: the sealed case keeps what it was sealed with, the open one follows.
        File.WriteAllText(settings, """
            { "Default": { "RetentionPeriod": "10年" },
              "Units": { "秋浦街道": { "FondsName": "池州市贵池区新设街道", "FondsCode": "J999", "CatalogNo": "9", "Classification": "秘密" } } }
            """);
        var pdf = Path.Combine(_archive.DataDirectory, "d.pdf");
        foreach (var (caseId, expected) in new[]
                 {
                     (id, new[] { "全宗号目录号案卷号J0123秋浦-2025-017", "全宗名称：池州市贵池区秋浦街道办事处", "保管期限：永久", "密级：内部" }),
                     (openId, new[] { "全宗号目录号案卷号J9999秋浦-2025-018", "全宗名称：池州市贵池区新设街道", "保管期限：10年", "密级：秘密" }),
                 })
        {
            (code, output) = await _archive.RunAsync(null, "dossier", caseId, "--out", pdf);
            Assert.True(code == 0, output);
            using var doc = PdfDocument.Open(pdf);
            var cover = string.Concat(doc.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c)));
            foreach (var field in expected) Assert.Contains(field, cover);
        }

        var zip = Path.Combine(_archive.DataDirectory, "e.zip");
        (code, output) = await _archive.RunAsync(null, "export", id, "--out", zip);
        Assert.True(code == 0, output);
        using (var archive = ZipFile.OpenRead(zip))
        using (var xml = archive.GetEntry("manifest.xml")!.Open())
        {
            var volume = XDocument.Load(xml).Descendants("文件实体").First();
            var reference = volume.Element("档号")!;
            Assert.Equal(("J012-3-秋浦-2025-017", "永久", "内部"), (reference.Element("档号")!.Value, reference.Element("保管期限")!.Value, volume.Element("内容描述")!.Element("密级")!.Value));
        }
        (code, output) = await _archive.RunAsync(null, "verify", id);
        Assert.True(code == 0, output);
        Assert.Contains($"{id}（档号 J012-3-秋浦-2025-017）：四性检测通过", output);
        // Search lists the 档号 after the case id: the one the seal signed.
        (code, output) = await _archive.RunAsync(null, "search", "--file-number", "秋浦-2025-017");
        Assert.True(code == 0, output);
        Assert.StartsWith($"{id}\tJ012-3-秋浦-2025-017\tsealed\t", output);
        (code, output) = await _archive.RunAsync(null, "search", "--file-number", "秋浦-2025-017", "--json");
        Assert.Equal("J012-3-秋浦-2025-017", (string?)System.Text.Json.Nodes.JsonNode.Parse(output)![0]!["archivalCode"]);

        // A misspelt key is refused, not ignored (which would print the cover without its 全宗号).
        File.WriteAllText(settings, """{ "Units": { "秋浦街道": { "FondCode": "J012" } } }""");
        (code, output) = await _archive.RunAsync(null, "dossier", id, "--out", pdf);
        Assert.Equal(1, code);
        Assert.EndsWith($"全宗配置文件 {settings} 无法读取：未知的设置项“FondCode”（位于 Units.秋浦街道），可用的设置项为 FondsName、FondsCode、CatalogNo、RetentionPeriod、Classification",
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim());

        File.WriteAllText(settings, "{ \"Units\": [");
        (code, output) = await _archive.RunAsync(null, "dossier", id, "--out", pdf);
        Assert.Equal(1, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains($"全宗配置文件 {settings} 无法读取：第 1 行第 13 字节处不是合法的 JSON（检查引号、逗号和括号）", output);
        Assert.DoesNotMatch("(?i)LineNumber|BytePosition|invalid|expected|Path:", output);   // none of System.Text.Json's English
    }
}
