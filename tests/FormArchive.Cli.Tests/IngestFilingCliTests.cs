using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Tests.Integrity;

namespace FormArchive.Tests.Cli;

/// <summary><c>formarchive ingest --case C --file --clerk N</c>: scans filed into an open case as the service files them.</summary>
public sealed class IngestFilingCliTests : IDisposable
{
    private static readonly string Scan = Path.Combine(AppContext.BaseDirectory, "Corpus", "scan-0000.jpg");
    private const string ScanNumber = "370202194004297733";
    private readonly ArchiveProcess _archive = new(null);

    public void Dispose()
    {
        try { Directory.Delete(_archive.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task<string> OpenCaseAsync(string memberName)
    {
        var id = "IF-" + Guid.NewGuid().ToString("N")[..10];
        using var host = await _archive.OpenAsync();
        var data = new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = memberName, ["idNumber"] = ScanNumber },
            ["members"] = new JsonArray(new JsonObject { ["name"] = memberName, ["idNumber"] = ScanNumber }),
        };
        await host.Archive.OpenCaseAsync(new CaseMetadata
        {
            CaseId = id, Title = "扫描归档测试", ApplicantName = memberName, IdNumber = ScanNumber, Township = "秋浦街道",
            Village = "杏花村社区", Category = "低保", Status = "受理", Agency = "秋浦街道办事处",
        }, "clerk", [new DocumentUpload { Title = "案件数据", FileName = "case-data.json", MediaType = "application/json", Content = System.Text.Encoding.UTF8.GetBytes(data.ToJsonString()) }]);
        return id;
    }

    [Fact]
    public async Task Scans_are_filed_into_the_case_matched_to_its_household_in_one_event()
    {
        var id = await OpenCaseAsync("孙明红");
        int Events() => Directory.GetFiles(Path.Combine(_archive.ArchiveFolder, "journal", "cases", id, "events"), "*.json").Length;
        int before = Events();
        var (code, output) = await _archive.RunAsync(null, "ingest", "--case", id, "--file", "--clerk", "王五", "--doc-number", "池民社救〔2024〕56号", Scan);
        Assert.True(code == 0, output);
        // One upload, one event listing its three documents.
        Assert.Equal(before + 1, Events());
        Assert.DoesNotContain(ScanNumber, output);
        using var host = await _archive.OpenAsync();
        var m = await host.Archive.GetManifestAsync(id);
        var filed = m.Documents.Where(d => d.No > 1).ToList();
        Assert.Equal(["scan-0000.jpg", "scan-0000.pdf", "scan-0000.ingest.json"], filed.Select(d => d.FileName));
        Assert.Equal(filed[0].Sha256, filed[1].DerivedFrom);
        Assert.Equal(filed[0].Sha256, filed[2].DerivedFrom);
        // The 文号 is the original's and the searchable PDF's (the 卷内目录 lists them), not the ingest result's.
        Assert.Equal(["池民社救〔2024〕56号", "池民社救〔2024〕56号", null], filed.Select(d => d.DocNumber));
        var (_, json) = await host.Archive.GetDocumentAsync(id, filed[2].No, "test");
        var id0 = JsonNode.Parse(json)!["pages"]![0]!["idNumbers"]![0]!;
        Assert.Equal("孙明红", (string)id0["matchedMember"]!);
        Assert.True((bool)id0["isValid"]!);
        Assert.Equal("王五", filed[0].AddedBy);
    }

    [Fact]
    public async Task A_refused_file_files_nothing_and_a_sealed_case_is_refused()
    {
        var id = await OpenCaseAsync("孙明红");
        var bad = Path.Combine(_archive.DataDirectory, "bad.jpg");
        File.WriteAllBytes(bad, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        var (code, output) = await _archive.RunAsync(null, "ingest", "--case", id, "--file", "--clerk", "王五", Scan, bad);
        Assert.Equal(2, code);
        Assert.Contains("bad.jpg: rejected", output);
        Assert.Contains("nothing was filed", output);
        using (var host = await _archive.OpenAsync())
        {
            Assert.Single((await host.Archive.GetManifestAsync(id)).Documents);
            await host.Archive.SealAsync(id, "leader");
        }
        (code, output) = await _archive.RunAsync(null, "ingest", "--case", id, "--file", "--clerk", "王五", Scan);
        Assert.Equal(1, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("formarchive: error:"));
        var (c2, o2) = await _archive.RunAsync(null, "ingest", "--case", id, "--file", Scan);
        Assert.Equal(2, c2);
        Assert.Contains("--file needs --clerk", o2);
    }

    [Fact]
    public async Task File_takes_a_doc_number_and_a_bad_one_is_refused_in_one_line_filing_nothing()
    {
        var id = await OpenCaseAsync("孙明红");
        var doc = Path.Combine(_archive.DataDirectory, "notice.json");
        File.WriteAllText(doc, "{}");
        var (code, output) = await _archive.RunAsync(null, "file", id, "--clerk", "王五", "--doc-number", new string('号', 51), doc);
        Assert.Equal(2, code);
        Assert.Contains("--doc-number：文号最多 50 个字符，给出的有 51 个。", Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        (code, output) = await _archive.RunAsync(null, "ingest", "--case", id, "--doc-number", "甲", Scan);
        Assert.Equal(2, code);
        Assert.Contains("--doc-number 只在 --file 归档时使用", output);
        using (var host = await _archive.OpenAsync()) Assert.Single((await host.Archive.GetManifestAsync(id)).Documents);

        (code, output) = await _archive.RunAsync(null, "file", id, "--clerk", "王五", "--doc-number", "（2025年第 3 号）", doc);
        Assert.True(code == 0, output);
        using var again = await _archive.OpenAsync();
        Assert.Equal("（2025年第 3 号）", (await again.Archive.GetManifestAsync(id)).Documents[^1].DocNumber);
    }
}
