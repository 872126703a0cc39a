using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Testing;
using FormArchive.Tests.Api;

namespace FormArchive.Tests.Integrity;

/// <summary>Crashes on the local-disk store.</summary>
public sealed class CrashLocalTests() : CrashSuite(null);

/// <summary>Crashes with the program filing into S3 (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class CrashS3Tests(S3ApiServer server) : CrashSuite(server);

/// <summary>
/// kill -9 of the real formarchive program at every step of filing and sealing (FORMARCHIVE_CRASH_AT names the
/// step). After each crash the case holds the whole upload or none of it, sealing (with its repair) succeeds
/// or has succeeded, and the sealed case passes 四性检测 — no unlisted objects, no temporary files left.
/// </summary>
public abstract class CrashSuite(S3ApiServer? s3) : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private CephRgw? Ceph => s3?.Ceph;

    /// <summary>Steps of `formarchive file` with three files, and whether the upload is in the case after a crash there.</summary>
    public static TheoryData<string, bool> FilingSteps => new()
    {
        { "file.object-1", false }, { "file.object-2", false }, { "file.object-3", false }, { "file.event", false },
        { "file.snapshot", true }, { "file.index", true },
    };

    /// <summary>Steps of `formarchive seal`, and whether the case is sealed after a crash there.</summary>
    public static TheoryData<string, bool> SealingSteps => new()
    {
        { "seal.repaired", false }, { "seal.manifest", false }, { "seal.signature", false },
        { "seal.snapshot", true }, { "seal.index", true }, { "seal.retain", true },
    };

    private async Task<(ArchiveProcess Archive, string CaseId, string[] Files)> OpenCaseWithOneDocumentAsync()
    {
        var archive = new ArchiveProcess(Ceph);
        _folders.Add(archive.DataDirectory);
        var id = "CR-" + Guid.NewGuid().ToString("N")[..10];
        using (var host = await archive.OpenAsync())
        {
            await host.Archive.OpenCaseAsync(new CaseMetadata
            {
                CaseId = id, Title = "崩溃测试", ApplicantName = "张三", IdNumber = "11010519491231002X", Township = "秋浦街道",
                Village = "杏花村社区", Category = "低保", Status = "受理", Agency = "秋浦街道办事处",
            }, "clerk");
            await host.Archive.AddDocumentAsync(id, new DocumentUpload
            {
                Title = "申请书", FileName = "申请书.json", MediaType = "application/json", Content = "{\"申请\":true}"u8.ToArray(),
            }, "clerk");
        }
        var folder = Directory.CreateTempSubdirectory("formarchive-crash-files-").FullName;
        _folders.Add(folder);
        var nonce = Guid.NewGuid().ToString("N");
        var files = new[] { ("原件.json", $"{{\"page\":1,\"n\":\"{nonce}\"}}"), ("可检索.txt", "户口簿 第一页 " + nonce), ("识别结果.json", $"{{\"ok\":\"{nonce}\"}}") }
            .Select(f => { var p = Path.Combine(folder, f.Item1); File.WriteAllText(p, f.Item2); return p; }).ToArray();
        return (archive, id, files);
    }

    private static async Task AssertSealsAndVerifiesAsync(ArchiveProcess archive, string id, int documents)
    {
        using (var host = await archive.OpenAsync())
        {
            var m = await host.Archive.GetManifestAsync(id);
            if (!m.Sealed)
            {
                var (code, output) = await archive.RunAsync(null, "seal", id, "--clerk", "leader");
                Assert.True(code == 0, output);
            }
        }
        var report = Path.Combine(archive.DataDirectory, "report.json");
        var (verifyCode, verifyOutput) = await archive.RunAsync(null, "verify", id, "--json", report);
        Assert.True(verifyCode == 0, verifyOutput);
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.Equal(documents, (int)json["documentCount"]!);
        Assert.Empty(archive.TempFiles());
    }

    [Theory, MemberData(nameof(FilingSteps))]
    public async Task A_kill_while_filing_leaves_the_whole_upload_or_none_and_the_case_seals_and_verifies(string step, bool filed)
    {
        var (archive, id, files) = await OpenCaseWithOneDocumentAsync();
        var (code, output) = await archive.RunAsync(step, ["file", id, "--clerk", "clerk", .. files]);
        Assert.True(code is null, $"not killed at {step}: {output}");

        using (var host = await archive.OpenAsync())
        {
            var m = await host.Archive.GetManifestAsync(id);
            Assert.Null(m.Damage);
            Assert.Equal(filed ? 4 : 1, m.Documents.Count);
        }
        await AssertSealsAndVerifiesAsync(archive, id, filed ? 4 : 1);
    }

    [Fact]
    public async Task A_kill_between_a_temporary_file_and_its_final_name_leaves_a_temp_file_that_repair_removes()
    {
        if (Ceph is not null) return; // S3 writes leave no temporary files
        var (archive, id, files) = await OpenCaseWithOneDocumentAsync();
        var (code, output) = await archive.RunAsync("store.temp", ["file", id, "--clerk", "clerk", .. files]);
        Assert.True(code is null, output);
        Assert.NotEmpty(archive.TempFiles());
        var (repairCode, repairOutput) = await archive.RunAsync(null, "repair", id);
        Assert.True(repairCode == 0, repairOutput);
        Assert.Contains("1 temporary file(s) removed", repairOutput);
        await AssertSealsAndVerifiesAsync(archive, id, 1);
    }

    [Theory, MemberData(nameof(SealingSteps))]
    public async Task A_kill_while_sealing_leaves_the_case_sealed_or_open_and_repair_then_seal_verifies(string step, bool sealedAfter)
    {
        var (archive, id, files) = await OpenCaseWithOneDocumentAsync();
        var (fileCode, fileOutput) = await archive.RunAsync(null, ["file", id, "--clerk", "clerk", .. files]);
        Assert.True(fileCode == 0, fileOutput);

        var (code, output) = await archive.RunAsync(step, "seal", id, "--clerk", "leader");
        Assert.True(code is null, $"not killed at {step}: {output}");
        using (var host = await archive.OpenAsync())
        {
            var m = await host.Archive.GetManifestAsync(id);
            Assert.Null(m.Damage);
            Assert.Equal(sealedAfter, m.Sealed);
        }
        var (repairCode, repairOutput) = await archive.RunAsync(null, "repair", id);
        Assert.True(repairCode == 0, repairOutput);
        await AssertSealsAndVerifiesAsync(archive, id, 4);

        if (step == "seal.retain" && !archive.OnS3 && !OperatingSystem.IsWindows())
        {
            // The crash stopped retention before it began; repair applied it.
            var vault = Path.Combine(archive.ArchiveFolder, "vault", "cases", id, "objects");
            Assert.All(Directory.EnumerateFiles(vault), f => Assert.False(File.GetUnixFileMode(f).HasFlag(UnixFileMode.UserWrite), f));
        }
    }
}
