using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Integrity;

/// <summary>`formarchive verify` on a damaged case: exit 1, and both reports written, naming the failing checks.</summary>
public sealed class VerifyCliTests : IDisposable
{
    private readonly ArchiveProcess _archive = new(null);

    public void Dispose()
    {
        try { Directory.Delete(_archive.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task Verify_of_a_case_with_an_edited_event_writes_its_json_and_pdf_report()
    {
        var archive = _archive;
        var id = "VD-" + Guid.NewGuid().ToString("N")[..10];
        using (var host = await archive.OpenAsync())
        {
            await host.Archive.OpenCaseAsync(new CaseMetadata
            {
                CaseId = id, Title = "核验测试", ApplicantName = "张三", IdNumber = "11010519491231002X", Township = "秋浦街道",
                Village = "杏花村社区", Category = "低保", Status = "受理", Agency = "秋浦街道办事处",
            }, "clerk");
            for (int i = 0; i < 3; i++)
                await host.Archive.AddDocumentAsync(id, new DocumentUpload
                {
                    Title = $"材料{i}", FileName = $"m{i}.json", MediaType = "application/json", Content = System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"),
                }, "clerk");
            await host.Archive.SealAsync(id, "leader");
        }
        var ev3 = Path.Combine(archive.ArchiveFolder, "journal", "cases", id, "events", "00000003.json");
        File.WriteAllText(ev3, File.ReadAllText(ev3).Replace("材料1", "材料X"));

        var json = Path.Combine(archive.DataDirectory, "r.json");
        var pdf = Path.Combine(archive.DataDirectory, "r.pdf");
        var (code, output) = await archive.RunAsync(null, "verify", id, "--json", json, "--pdf", pdf);
        Assert.True(code == 1, output);
        Assert.Contains("未通过 完整性 2.2 电子档案元数据完整性检测 · 事件日志连续且哈希链完整（事件日志）：第 4 号事件的哈希链未接上第 3 号事件", output);
        // The summary is Chinese like the report: only the case id and item numbers in Latin letters and digits.
        var summary = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches($@"^{id}：四性检测未通过（检测 \d+ 项，未通过 [1-9]\d* 项，文件 \d+ 件）$", summary[^1]);
        Assert.DoesNotMatch("(?i)passed|failed|checks|documents|FAIL", output.Replace(id, ""));
        var report = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.False((bool)report["passed"]!);
        Assert.Contains(report["checks"]!.AsArray(), c => (string)c!["item"]! == "2.2" && (string)c["name"]! == "事件日志连续且哈希链完整" && !(bool)c["passed"]!);
        Assert.DoesNotContain(archive.DataDirectory, File.ReadAllText(json));
        using var doc = PdfDocument.Open(pdf);
        var text = string.Concat(doc.GetPages().Select(p => p.Text));
        Assert.Contains("结论：未通过", text);
        Assert.Contains("事件日志连续且哈希链完整", text);
    }
}
