using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Casework;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using UglyToad.PdfPig;
using static FormArchive.Tests.Casework.SignedSteps;

namespace FormArchive.Tests.Integrity;

/// <summary>
/// `formarchive verify` on a damaged case: exit 1, and both reports written, naming the failing checks; on a case's
/// sign-offs, judged against the data folder's key register, or not checked where it has none.
/// </summary>
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

    [Fact]
    public async Task Verify_judges_the_signers_against_the_data_folders_key_register_and_says_so_when_there_is_none()
    {
        var keys = ApiKeyStore.ForDataDirectory(_archive.DataDirectory);
        var (_, wang) = TownshipPerson(keys, "王五", "秋浦街道");
        var (_, zhou) = TownshipPerson(keys, "周八", "秋浦街道", Post.Head);
        var stranger = new Signer("0badc0de", "赵一", Post.Head, ApprovalLevel.Township, "秋浦街道"); // a key the register never had
        var steps = ConfirmedByTheTownship(wang, zhou).ToList();
        steps[7] = Signed(CaseEventKind.Countersigned, "2024-03-15", stranger); // the confirmation's 负责人审签
        string id;
        using (var host = await _archive.OpenAsync())
        {
            id = (await CaseOpening.OpenAsync(host.Archive, new CaseApplication
            {
                Applicant = new CaseApplicant("张三", "11010519491231002X"), Categories = ["低保"], Members = [new CaseMember("张三", "11010519491231002X")],
            }, "秋浦街道", "王五")).CaseId;
            var procedure = new CaseProcedure(host, WorkingDayCalendar.Default);
            foreach (var e in steps) await procedure.RecordAsync(id, e, e.Actor);
            await host.Archive.SealAsync(id, "王五");
        }

        var (code, output) = await _archive.RunAsync(null, "verify", id);
        Assert.True(code == 1, output);
        Assert.Contains("未通过 真实性 1.1 电子档案来源真实性检测 · 签署人与密钥登记一致（负责人审签（2024年3月15日））：秋浦街道 负责人 赵一：密钥登记中没有签署这一环节的密钥", output);
        Assert.DoesNotContain("0badc0de", output);

        foreach (var file in Directory.GetFiles(_archive.DataDirectory, "access.db*")) File.Delete(file);
        (code, output) = await _archive.RunAsync(null, "verify", id);
        Assert.True(code == 0, output);
        Assert.Contains("未检测 真实性 1.1 电子档案来源真实性检测 · 签署人与密钥登记一致（办理环节）：没有密钥登记可查", output);
        Assert.Matches($@"{id}：四性检测通过（检测 \d+ 项，未通过 0 项，未检测 1 项，文件 \d+ 件）", output);
        Assert.False(File.Exists(Path.Combine(_archive.DataDirectory, "access.db"))); // verifying made no empty register
    }
}
