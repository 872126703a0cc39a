using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Verify;
using FormArchive.Casework;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Casework.Verification;
using FormArchive.Domain;
using FormArchive.Tests.Api;
using FormArchive.Tests.Casework;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;
using static FormArchive.Tests.Casework.SignedSteps;

namespace FormArchive.Tests.Verification;

/// <summary>Verifying a sealed case's sign-offs against the key register, on the service's real disk archive and key register.</summary>
public sealed class SignOffVerificationTests(ApiServer server) : SignOffVerificationSuite(server), IClassFixture<ApiServer>;

/// <summary>The same on the S3 store (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class SignOffVerificationS3Tests(S3ApiServer server) : SignOffVerificationSuite(server);

/// <summary>
/// The sign-off tests, run on each store. Each test works in a county and township of its own (and a neighbouring
/// county), with people of its own in the service's key register; steps are recorded through the procedure, and a
/// log that breaks the rules is written around them, straight into the archive.
/// </summary>
public abstract class SignOffVerificationSuite(ApiServer server)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];
    private ArchiveHost Host => server.App.Services.GetRequiredService<ArchiveHost>();
    private ApiKeyStore Keys => server.App.Services.GetRequiredService<ApiKeyStore>();
    private string Township => "签署镇" + _tag;
    private string County => "签署县" + _tag;
    private string Bureau => County + "民政局";
    private string Neighbour => "邻县" + _tag;

    /// <summary>Chizhou's procedure, with the test's township in its county and a neighbouring county holding another.</summary>
    private CaseworkSettings Settings => CaseworkSettings.Default with
    {
        Counties = new Counties([
            new County(County, Bureau, [Township], LocalRules.Chizhou, ConfirmingLevels.Chizhou),
            new County(Neighbour, Neighbour + "民政局", ["邻镇" + _tag], LocalRules.Chizhou, ConfirmingLevels.Chizhou),
        ]),
    };

    private CaseProcedure Procedure => new(Host, WorkingDayCalendar.Default, Settings);

    private async Task<string> OpenAsync(string category = "低保") => (await CaseOpening.OpenAsync(Host.Archive, new CaseApplication
    {
        Applicant = new CaseApplicant(CorpusName, CorpusIdNumber),
        Categories = [category],
        Members = [new CaseMember(CorpusName, CorpusIdNumber)],
    }, Township, "王五")).CaseId;

    private async Task RecordAsync(string id, IEnumerable<CaseEvent> steps)
    {
        var procedure = Procedure;
        foreach (var e in steps) await procedure.RecordAsync(id, await WithOpinionPaperAsync(id, e), e.Actor);
    }

    /// <summary>The 初审意见 names its paper, filed with the materials the submission needs (the county decides from the file alone).</summary>
    private async Task<CaseEvent> WithOpinionPaperAsync(string id, CaseEvent e) =>
        e.Kind == CaseEventKind.PreliminaryOpinion ? e with { Documents = [await SubmissionMaterials.FileAsync(Host.Archive, id)] } : e;

    private Task<VerificationReport> VerifyAsync(string id, ApiKeyStore? keys) =>
        new CaseVerifier(Host.Archive, extraChecks: [new SignOffCheck(Host.Archive, keys, Settings)]).VerifyAsync(id, "档案员");

    private static IReadOnlyList<CheckResult> Rows(VerificationReport report, string name) => [.. report.Checks.Where(c => c.Name == name)];

    /// <summary>Whether a row shows <paramref name="text"/> to a person (in what it names or says), not only in the JSON.</summary>
    private static bool Shows(CheckResult row, string text) => (row.Subject + row.Detail).Contains(text, StringComparison.Ordinal);

    private static string Failures(VerificationReport report) => string.Join("\n", report.Failures.Select(f => $"{f.Label}：{f.Detail}"));

    [Fact]
    public async Task A_case_signed_by_the_right_people_passes_through_its_supplement_volume_and_without_the_register_is_not_checked()
    {
        var (_, wang) = TownshipPerson(Keys, "王五", Township);
        var (_, zhou) = TownshipPerson(Keys, "周八", Township, Post.Head);
        var id = await OpenAsync();
        await RecordAsync(id, ConfirmedByTheTownship(wang, zhou));
        await Host.Archive.SealAsync(id, "王五");
        await RecordAsync(id, [Signed(CaseEventKind.Reviewed, "2025-03-10", wang, CaseOutcome.Approved)]); // goes to 补充卷 V2

        var report = await VerifyAsync(id, Keys);
        Assert.True(report.Passed, Failures(report));
        var signers = Rows(report, SignOffCheck.SignerName);
        Assert.Equal(11, signers.Count); // every signed step of both volumes
        Assert.All(signers, r => Assert.Equal(("1.1", true), (r.Item, r.Passed)));
        Assert.Equal(wang.KeyId, signers[^1].KeyId);
        Assert.Equal("第 2 卷 定期复核（2025年3月10日）", signers[^1].Subject);
        Assert.Equal($"{Township} 负责人 周八：签署时持有效密钥，姓名、岗位、单位与密钥登记相符",
            signers.Single(r => r.Subject == "第 1 卷 负责人审签（2024年3月8日）").Detail);
        Assert.Equal("2 次负责人审签均由作出意见者以外的负责人签署", Assert.Single(Rows(report, SignOffCheck.FourEyesName)).Detail);
        var rules = Assert.Single(Rows(report, SignOffCheck.RulesName));
        Assert.Equal(("1.2", true, "共 11 个办理环节（2 卷），依次符合办理规则"), (rules.Item, rules.Passed, rules.Detail));
        Assert.DoesNotContain(report.Checks, c => Shows(c, wang.KeyId));

        // The 补充卷's report judges the whole log too.
        var ofVolume = await VerifyAsync(CaseKeys.VolumeId(id, 2), Keys);
        Assert.Equal(signers.Select(r => (r.Subject, r.Passed)), Rows(ofVolume, SignOffCheck.SignerName).Select(r => (r.Subject, r.Passed)));

        // A case verified away from the register: the signers are not checked, which is neither a pass nor a failure.
        var away = await VerifyAsync(id, keys: null);
        Assert.True(away.Passed, Failures(away));
        var notChecked = Assert.Single(away.NotChecked);
        Assert.Equal((SignOffCheck.SignerName, (bool?)null), (notChecked.Name, notChecked.Passed));
        Assert.Contains("11 个已签署环节的签署人及其岗位未能与密钥登记核对", notChecked.Detail);
        Assert.Contains($"未检测 真实性 1.1 电子档案来源真实性检测 · {SignOffCheck.SignerName}（办理环节）：", VerificationSummary.Lines(away).First());
        Assert.Contains("未检测 1 项", VerificationSummary.Lines(away).Last());
        using var pdf = PdfDocument.Open(VerificationReportPdf.Build(away));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("结论：通过（1 项未检测）", text);
        Assert.Contains("未检测", text);
    }

    [Fact]
    public async Task Steps_signed_by_an_unknown_key_a_revoked_key_and_a_handler_recorded_as_head_each_fail_naming_the_person_and_post()
    {
        var (_, wang) = TownshipPerson(Keys, "王五", Township);
        var (_, zhou) = TownshipPerson(Keys, "周八", Township, Post.Head);
        var (liKey, li) = TownshipPerson(Keys, "李四", Township);
        Assert.True(Keys.Revoke(liKey.Id)); // before any step: every step 李四 signs comes after
        var stranger = new Signer("0badc0de", "赵一", Post.Handler, ApprovalLevel.Township, Township); // no such key
        var wangAsHead = wang with { Post = Post.Head };
        var id = await OpenAsync();
        await RecordAsync(id, [
            .. ThroughPublicity(wang, opinionBy: stranger),
            Signed(CaseEventKind.Countersigned, "2024-03-08", wangAsHead),
            Signed(CaseEventKind.Confirmed, "2024-03-15", li, CaseOutcome.Approved),
            Signed(CaseEventKind.Countersigned, "2024-03-15", zhou),
        ]);
        await Host.Archive.SealAsync(id, "王五");

        var report = await VerifyAsync(id, Keys);
        Assert.False(report.Passed);
        Assert.True(Assert.Single(Rows(report, SignOffCheck.RulesName)).Passed); // the rules saw what was recorded, and it was consistent
        var failed = report.Failures.Where(f => f.Name == SignOffCheck.SignerName).ToDictionary(f => f.Subject);
        Assert.Equal(["初审意见（2024年3月6日）", "审核确认（2024年3月15日）", "负责人审签（2024年3月8日）"], failed.Keys.Order(StringComparer.Ordinal));
        Assert.All(failed.Values, f => Assert.Equal((CheckCategory.Authenticity, "1.1"), (f.Category, f.Item)));

        Assert.Equal($"{Township} 经办人 赵一：密钥登记中没有签署这一环节的密钥", failed["初审意见（2024年3月6日）"].Detail);
        Assert.Equal("0badc0de", failed["初审意见（2024年3月6日）"].KeyId);
        Assert.Equal($"{Township} 负责人 王五：密钥登记中王五是经办人，记录为负责人；负责人审签须由负责人作出，王五是经办人",
            failed["负责人审签（2024年3月8日）"].Detail);
        var revoked = failed["审核确认（2024年3月15日）"].Detail;
        Assert.StartsWith($"{Township} 经办人 李四：李四的密钥已于", revoked);
        Assert.Contains("注销", revoked);
        Assert.Contains("签署时已无效", revoked);
        Assert.DoesNotContain(report.Checks, c => Shows(c, wang.KeyId) || Shows(c, "0badc0de"));

        // The printed report and the command line's lines name the person and post, in Chinese; never the key.
        using var pdf = PdfDocument.Open(VerificationReportPdf.Build(report));
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("结论：未通过", text);
        Assert.Contains("真实性：", text);
        foreach (var words in new[] { "密钥登记中王五是经办人", "负责人审签须由负责人作出", "李四的密钥已于", "密钥登记中没有签署这一环节的密钥", "赵一" })
            Assert.Contains(words, text);
        Assert.DoesNotContain(wang.KeyId, text);
        Assert.Contains(VerificationSummary.Lines(report), l => l.StartsWith("未通过 真实性 1.1 电子档案来源真实性检测 · 签署人与密钥登记一致（负责人审签（2024年3月8日））：",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_county_decision_signed_by_people_of_another_county_fails()
    {
        var (_, wang) = TownshipPerson(Keys, "王五", Township);
        var (_, zhou) = TownshipPerson(Keys, "周八", Township, Post.Head);
        var (_, sun) = CountyPerson(Keys, "孙七", Neighbour, Neighbour + "民政局");
        var (_, qian) = CountyPerson(Keys, "钱十", Neighbour, Neighbour + "民政局", Post.Head);
        var id = await OpenAsync("刚性支出困难"); // confirmed by the county under Chizhou's rules
        await RecordAsync(id, [
            .. ThroughPublicity(wang),
            Signed(CaseEventKind.Countersigned, "2024-03-08", zhou),
            Signed(CaseEventKind.Submitted, "2024-03-15", wang),
            Signed(CaseEventKind.Confirmed, "2024-03-18", sun, CaseOutcome.Approved) with
            {
                Terms = new ApprovalTerms { FromMonth = new DateOnly(2024, 4, 1) },
            },
            Signed(CaseEventKind.Countersigned, "2024-03-18", qian),
        ]);
        await Host.Archive.SealAsync(id, "王五");

        var report = await VerifyAsync(id, Keys);
        var failed = report.Failures.ToList();
        Assert.Equal(["审核确认（2024年3月18日）", "负责人审签（2024年3月18日）"], failed.Select(f => f.Subject));
        Assert.Equal($"{Neighbour}民政局 经办人 孙七：{Township}属{County}，县（区）的环节须由{Bureau}的人员签署，孙七是{Neighbour}的人员",
            failed[0].Detail);
        Assert.Contains($"须由{Bureau}的人员签署，钱十是{Neighbour}的人员", failed[1].Detail);
    }

    [Fact]
    public async Task A_log_written_around_the_rules_with_one_person_giving_and_countersigning_the_opinion_fails_the_four_eyes_rule()
    {
        var (_, wang) = TownshipPerson(Keys, "王五", Township);
        var (_, zhou) = TownshipPerson(Keys, "周八", Township, Post.Head);
        var id = await OpenAsync();
        await RecordAsync(id, ThroughPublicity(wang, opinionBy: zhou));
        var own = Signed(CaseEventKind.Countersigned, "2024-03-08", zhou);
        await Assert.ThrowsAsync<CaseworkException>(() => Procedure.RecordAsync(id, own, "周八")); // the rules refuse it …
        await Host.Archive.AppendStageAsync(id, _ => StageRecords.ToRecord(own), "周八"); // … so it is written around them
        await Host.Archive.SealAsync(id, "王五");

        var report = await VerifyAsync(id, Keys);
        var fourEyes = Assert.Single(Rows(report, SignOffCheck.FourEyesName));
        Assert.Equal((false, "1.1", "审批链"), (fourEyes.Passed, fourEyes.Item, fourEyes.Subject));
        Assert.Equal($"初审意见（2024年3月6日）由{Township} 负责人 周八作出，负责人审签（2024年3月8日）又由周八本人签署，同一人不能在同一审批链中签两次",
            fourEyes.Detail);
        var rules = Assert.Single(Rows(report, SignOffCheck.RulesName));
        Assert.False(rules.Passed);
        Assert.Contains("四眼原则", rules.Detail);
        Assert.All(Rows(report, SignOffCheck.SignerName), r => Assert.True(r.Passed, r.Detail)); // each signature, alone, is sound
    }
}
