using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using static FormArchive.Tests.Api.CaseApi;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>
/// The stage rules in force at 受理 are the case's: an installation that changes its rules later (池州 → 云阳) moves
/// no deadline of a case already accepted, in its progress or in the catalog — on a real local archive.
/// </summary>
public sealed class RecordedRulesTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("formarchive-rules-").FullName;
    private const string Township = "规则镇"; // in no county: the installation's rules govern it

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static CaseworkSettings Settings(string rules) => CaseworkSettings.Parse(rules, null);

    private Task<ArchiveHost> OpenAsync(string rules) =>
        ArchiveHost.OpenAsync(_data, standing: CaseProcedure.Standing(WorkingDayCalendar.Default, Settings(rules).Rules));

    private static async Task<string> OpenCaseAsync(ArchiveHost host) =>
        (await CaseOpening.OpenAsync(host.Archive, new CaseApplication
        {
            Applicant = new CaseApplicant(CorpusName, CorpusIdNumber), Categories = ["低保"], Members = [],
        }, Township, "王五")).CaseId;

    [Fact]
    public async Task A_case_keeps_the_rules_it_was_accepted_under_when_the_installation_changes_them()
    {
        string chizhou, legacy;
        using (var host = await OpenAsync("chizhou"))
        {
            var procedure = new CaseProcedure(host, WorkingDayCalendar.Default, Settings("chizhou"));
            chizhou = await OpenCaseAsync(host);
            var report = await procedure.RecordAsync(chizhou, E(CaseEventKind.Accepted, "2024-02-07"), "王五");
            Assert.Equal("Chizhou", report.Rules);
            Assert.Equal(D("2024-02-22"), report.Deadlines.Single(d => d.What == "初审意见").Due);
            // A log written before rules were recorded (an older version): no rules stored with 受理.
            legacy = await OpenCaseAsync(host);
            await host.Archive.AppendStageAsync(legacy, _ => StageRecords.ToRecord(E(CaseEventKind.Accepted, "2024-02-07")), "旧版本");
        }

        using (var host = await OpenAsync("yunyang"))
        {
            var procedure = new CaseProcedure(host, WorkingDayCalendar.Default, Settings("yunyang"));
            var kept = await procedure.ProgressAsync(chizhou);
            Assert.Equal("Chizhou", kept.Rules);
            Assert.Equal(["初审意见", "审核确认"], kept.Deadlines.Select(d => d.What));
            Assert.Equal(D("2024-02-22"), kept.Deadlines[0].Due);
            // Recording a step replays the log under the case's rules too: 审核确认 needs no 报送 under 池州 rules.
            foreach (var e in ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-08", "2024-02-09", "2024-02-18").Skip(1))
                await procedure.RecordAsync(chizhou, e, "王五");
            var confirmed = await procedure.RecordAsync(chizhou, E(CaseEventKind.Confirmed, "2024-02-26", CaseOutcome.Approved), "王五");
            Assert.Equal(CaseStage.Confirmed, confirmed.Stage);

            // The old log follows the installation's rules, now 云阳's monthly batch; a new case records 云阳's.
            var old = await procedure.ProgressAsync(legacy);
            Assert.Equal("Yunyang", old.Rules);
            Assert.StartsWith("初核", Assert.Single(old.Deadlines).What);
            var fresh = await OpenCaseAsync(host);
            await procedure.RecordAsync(fresh, E(CaseEventKind.Accepted, "2024-02-07"), "王五");
            Assert.Equal("Yunyang", (await host.Archive.GetManifestAsync(fresh)).Stages[0].Rules);

            // The catalog, rebuilt under the new rules, keeps the first case's due date.
            await host.Catalog.ReindexAsync(host.Archive);
            var rows = host.Catalog.Search(new CatalogQuery { Township = Township }).ToDictionary(r => r.CaseId);
            Assert.Equal(nameof(CaseStage.Confirmed), rows[chizhou].CaseStage);
            Assert.Equal(old.Deadlines[0].Due, rows[legacy].NextDue);
            // The new case also has the county's 审核确认 (云阳: every category the county's), due before the batch.
            Assert.Equal((await procedure.ProgressAsync(fresh)).Deadlines.Where(d => d.Open).Min(d => d.Due), rows[fresh].NextDue);
        }
    }

    [Fact]
    public async Task Rules_or_categories_recorded_with_acceptance_that_the_rules_do_not_know_make_the_log_invalid_not_silently_other_rules()
    {
        using var host = await OpenAsync("chizhou");
        var procedure = new CaseProcedure(host, WorkingDayCalendar.Default, Settings("chizhou"));
        var id = await OpenCaseAsync(host);
        await host.Archive.AppendStageAsync(id, _ => StageRecords.ToRecord(E(CaseEventKind.Accepted, "2024-02-07")) with { Rules = "Hefei" }, "旧系统");
        Assert.Contains("未知的办理规则", (await Assert.ThrowsAsync<StoredStageLogException>(() => procedure.ProgressAsync(id))).Message);
        var other = await OpenCaseAsync(host);
        await host.Archive.AppendStageAsync(other, _ => StageRecords.ToRecord(E(CaseEventKind.Accepted, "2024-02-07")) with { Categories = ["低保", "救济粮"] }, "旧系统");
        Assert.Contains("救济粮", (await Assert.ThrowsAsync<StoredStageLogException>(() => procedure.ProgressAsync(other))).Message);
        var rows = host.Catalog.Search(new CatalogQuery { CaseStage = CaseProcedure.InvalidStage });
        Assert.Contains(rows, r => r.CaseId == id);
        Assert.Contains(rows, r => r.CaseId == other);
    }

    [Fact]
    public async Task A_log_from_before_categories_were_recorded_follows_every_category_of_the_case_data()
    {
        using var host = await OpenAsync("chizhou");
        var procedure = new CaseProcedure(host, WorkingDayCalendar.Default, Settings("chizhou"));
        var id = (await CaseOpening.OpenAsync(host.Archive, new CaseApplication
        {
            Applicant = new CaseApplicant(CorpusName, CorpusIdNumber), Categories = ["低保边缘", "特困"], Members = [],
        }, Township, "王五")).CaseId;
        // 受理 as an older version stored it: neither rules nor categories.
        await host.Archive.AppendStageAsync(id, _ => StageRecords.ToRecord(E(CaseEventKind.Accepted, "2024-02-07")), "旧版本");
        foreach (var e in ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-08", "2024-02-09", "2024-02-18").Skip(1))
            await procedure.RecordAsync(id, e, "王五");
        var report = await procedure.RecordAsync(id, E(CaseEventKind.Confirmed, "2024-02-26", CaseOutcome.Approved), "王五");
        Assert.Equal(["低保边缘家庭", "特困人员"], report.Categories);
        Assert.Contains(report.Deadlines, d => d.What == "发放临时救助金" && d.Open); // 特困, not the catalog's first category
        Assert.Contains(report.Deadlines, d => d.What == "录入社会救助大数据信息系统" && d.Open);
        Assert.Equal(D("2024-02-29"), Assert.Single(host.Catalog.Search(new CatalogQuery { Township = Township }), r => r.CaseId == id).NextDue);
    }
}
