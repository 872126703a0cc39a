using FormArchive.Archive.Cases;
using FormArchive.Tests.Integrity;

namespace FormArchive.Tests.Cli;

/// <summary>`formarchive seal` and `verify` as processes: what they print about a case of one document.</summary>
public sealed class SealCliTests : IDisposable
{
    private readonly ArchiveProcess _archive = new(null);

    public void Dispose()
    {
        try { Directory.Delete(_archive.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public async Task One_document_is_counted_in_the_singular()
    {
        var id = "SC-" + Guid.NewGuid().ToString("N")[..10];
        using (var host = await _archive.OpenAsync())
        {
            await host.Archive.OpenCaseAsync(new CaseMetadata
            {
                CaseId = id, Title = "封存测试", ApplicantName = "张三", IdNumber = "11010519491231002X", Township = "秋浦街道",
                Village = "杏花村社区", Category = "低保", Status = "受理", Agency = "秋浦街道办事处",
            }, "clerk");
            await host.Archive.AddDocumentAsync(id, new DocumentUpload
            {
                Title = "材料", FileName = "m.json", MediaType = "application/json", Content = "{}"u8.ToArray(),
            }, "clerk");
        }
        var (code, output) = await _archive.RunAsync(null, "seal", id, "--clerk", "王五");
        Assert.True(code == 0, output);
        Assert.Contains($"{id}: sealed 1 document, manifest ", output);

        (code, output) = await _archive.RunAsync(null, "verify", id);
        Assert.True(code == 0, output);
        Assert.Contains("文件 1 件）", output);   // verify's summary is Chinese: one 件, no plural to get wrong
    }
}
