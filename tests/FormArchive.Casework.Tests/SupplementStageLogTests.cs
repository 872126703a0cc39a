using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>A sealed case's later steps continue its stage log in a 补充卷, on the service's real disk archive.</summary>
public sealed class SupplementStageLogTests(ApiServer server) : SupplementStageLogSuite(server), IClassFixture<ApiServer>;

/// <summary>The same on the S3 store (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class SupplementStageLogS3Tests(S3ApiServer server) : SupplementStageLogSuite(server);

/// <summary>The 补充卷 stage-log tests, run on each store; each test works in a township of its own.</summary>
public abstract class SupplementStageLogSuite(ApiServer server)
{
    private ArchiveHost Host => server.App.Services.GetRequiredService<ArchiveHost>();
    private CaseProcedure Procedure => server.App.Services.GetRequiredService<CaseProcedure>();
    private readonly string _township = "复核镇" + Guid.NewGuid().ToString("N")[..6];

    private async Task<string> OpenAsync(params string[] categories)
    {
        var m = await CaseOpening.OpenAsync(Host.Archive, new CaseApplication
        {
            Applicant = new CaseApplicant(CorpusName, CorpusIdNumber),
            Categories = categories.Length == 0 ? ["低保"] : categories,
            Members = [new CaseMember(CorpusName, CorpusIdNumber)],
        }, _township, "王五");
        return m.CaseId;
    }

    /// <summary>受理 2024-02-07 through 审核确认 (批准) 2024-02-26, 告知 and the first payment.</summary>
    private async Task ThroughPaymentAsync(string id)
    {
        foreach (var e in ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-08", "2024-02-09", "2024-02-18"))
            await Procedure.RecordAsync(id, e, "王五");
        await Procedure.RecordAsync(id, E(CaseEventKind.Confirmed, "2024-02-26", CaseOutcome.Approved), "王五");
        await Procedure.RecordAsync(id, E(CaseEventKind.Notified, "2024-02-27", CaseOutcome.Approved), "王五");
        await Procedure.RecordAsync(id, E(CaseEventKind.Paid, "2024-02-28"), "王五");
    }

    [Fact]
    public async Task A_review_of_a_sealed_case_goes_to_its_supplement_volume_and_the_progress_shows_the_whole_log()
    {
        var id = await OpenAsync();
        await ThroughPaymentAsync(id);
        await Host.Archive.SealAsync(id, "王五");
        var v2 = CaseKeys.VolumeId(id, 2);

        var report = await Procedure.RecordAsync(id, E(CaseEventKind.Reviewed, "2025-02-20", CaseOutcome.Approved), "王五");
        Assert.Equal(v2, report.CaseId);
        Assert.Equal([id, v2], report.Volumes);
        Assert.Equal(CaseStage.OnRoll, report.Stage);
        Assert.Equal(9, report.Timeline.Count);
        Assert.Equal(("定期复核", v2), (report.Timeline[^1].What, report.Timeline[^1].Volume));
        Assert.Equal(id, report.Timeline[0].Volume);

        // The sealed volume is unchanged; the new one holds the case data (in its opening event) and the step.
        Assert.Equal(8, (await Host.Archive.GetManifestAsync(id)).Stages.Count);
        var volume = await Host.Archive.GetManifestAsync(v2);
        Assert.Equal(["Reviewed"], volume.Stages.Select(s => s.Kind));
        Assert.Equal(2, volume.Seq);

        // A second review continues the same volume; progress read through either volume is the same whole log.
        await Procedure.RecordAsync(id, E(CaseEventKind.Reviewed, "2025-08-20", CaseOutcome.Approved), "王五");
        await Assert.ThrowsAsync<CaseNotFoundException>(() => Host.Archive.GetManifestAsync(CaseKeys.VolumeId(id, 3)));
        var ofRoot = await Procedure.ProgressAsync(id);
        var ofVolume = await Procedure.ProgressAsync(v2);
        Assert.Equal(10, ofRoot.Timeline.Count);
        Assert.Equal(ofRoot.Timeline, ofVolume.Timeline);
        Assert.True(ofRoot.Sealed);
        Assert.False(ofVolume.Sealed);

        // The catalog knows where the volume stands (its log alone would not replay: it starts with a review), and a
        // search by stage finds the case once, by its latest volume.
        var row = Assert.Single(Host.Catalog.Search(new CatalogQuery { Township = _township, CaseStage = nameof(CaseStage.OnRoll) }));
        Assert.Equal(v2, row.CaseId);
        Assert.Null(row.NextDue);
        Assert.Empty(Host.Catalog.Search(new CatalogQuery { Township = _township, CaseStage = CaseProcedure.InvalidStage }));

        // The 定期复核名单 lists the household once, from its last review; not before that review falls due.
        var list = await Procedure.ReviewListAsync(_township, D("2026-08-01"));
        var line = Assert.Single(list.Entries);
        Assert.Equal((v2, D("2025-08-20"), D("2026-08-20")), (line.CaseId, line.LastChecked, line.Due));
        Assert.Empty((await Procedure.ReviewListAsync(_township, D("2026-07-01"))).Entries);
    }

    [Fact]
    public async Task An_early_warning_after_sealing_is_on_the_todo_list_through_the_supplement_volume()
    {
        var id = await OpenAsync();
        await ThroughPaymentAsync(id);
        await Host.Archive.SealAsync(id, "王五");
        await Procedure.RecordAsync(id, E(CaseEventKind.WarningReceived, "2025-09-01"), "王五");
        var todo = await Procedure.TodoAsync(_township, D("2025-09-03"));
        var item = Assert.Single(todo.Items);
        Assert.Equal((CaseKeys.VolumeId(id, 2), "处置预警信息", D("2025-09-08")), (item.CaseId, item.What, item.Due));
        Assert.Empty(todo.Problems);
        await Procedure.RecordAsync(id, E(CaseEventKind.WarningHandled, "2025-09-04"), "王五");
        Assert.Empty((await Procedure.TodoAsync(_township, D("2025-09-05"))).Items);
    }

    [Fact]
    public async Task Steps_racing_onto_a_sealed_case_share_one_supplement_volume()
    {
        var id = await OpenAsync();
        await ThroughPaymentAsync(id);
        await Host.Archive.SealAsync(id, "王五");
        // Four clerks record payments of the same day at once: one volume is opened, every payment lands in it.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Procedure.RecordAsync(id, E(CaseEventKind.Paid, "2025-03-10"), "王五"))));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => Host.Archive.GetManifestAsync(CaseKeys.VolumeId(id, 3)));
        var volume = await Host.Archive.GetManifestAsync(CaseKeys.VolumeId(id, 2));
        Assert.Equal(4, volume.Stages.Count);
        Assert.Equal(12, (await Procedure.ProgressAsync(id)).Timeline.Count);
    }

    [Fact]
    public async Task A_step_refused_after_sealing_opens_no_volume()
    {
        var id = await OpenAsync();
        await Procedure.RecordAsync(id, E(CaseEventKind.Accepted, "2024-02-07"), "王五");
        await Host.Archive.SealAsync(id, "王五");
        // Not approved, so there is nothing to review: refused by the rules against the whole log.
        var refused = await Assert.ThrowsAsync<CaseworkException>(() => Procedure.RecordAsync(id, E(CaseEventKind.Reviewed, "2025-02-20", CaseOutcome.Approved), "王五"));
        Assert.Contains("尚未审核确认批准", refused.Message);
        // A step of the procedure itself never continues after sealing.
        await Assert.ThrowsAsync<CaseSealedForStagesException>(() => Procedure.RecordAsync(id, E(CaseEventKind.AuthorizationChecked, "2024-02-08"), "王五"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => Host.Archive.GetManifestAsync(CaseKeys.VolumeId(id, 2)));
        Assert.Single((await Host.Archive.GetManifestAsync(id)).Stages);
    }

    [Fact]
    public async Task Deadlines_follow_every_category_of_the_case_not_only_the_first()
    {
        // 低保边缘 (entered in the information system within 5 working days) and 特困 (临时救助金 within 3).
        var id = await OpenAsync("低保边缘", "特困");
        var opinion = await SubmissionMaterials.FileAsync(Host.Archive, id); // the county decides from the electronic file alone
        foreach (var e in ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-08", "2024-02-09", "2024-02-18"))
            await Procedure.RecordAsync(id, e.Kind == CaseEventKind.PreliminaryOpinion ? e with { Documents = [opinion] } : e, "王五");
        // 低保边缘 is the county's to confirm (附件3 审核事项): the township submits first.
        await Procedure.RecordAsync(id, E(CaseEventKind.Submitted, "2024-02-26"), "王五");
        var report = await Procedure.RecordAsync(id, E(CaseEventKind.Confirmed, "2024-02-26", CaseOutcome.Approved), "王五");
        Assert.Equal(["低保边缘家庭", "特困人员"], report.Categories);
        Assert.Equal("低保边缘", report.Category);
        var open = report.Deadlines.Where(d => d.Open).ToDictionary(d => d.What, d => d.Due);
        Assert.Equal(D("2024-02-29"), open["发放临时救助金"]);
        Assert.Equal(D("2024-03-04"), open["录入社会救助大数据信息系统"]);
        Assert.NotNull(report.BenefitFromMonth); // 特困: benefit from the month after confirmation
        // The catalog's next due is the earliest of them.
        Assert.Equal(D("2024-02-29"), Assert.Single(Host.Catalog.Search(new CatalogQuery { Township = _township })).NextDue);
        // Steps of either category are allowed: a payment (特困) and the entry (低保边缘).
        await Procedure.RecordAsync(id, E(CaseEventKind.Notified, "2024-02-27", CaseOutcome.Approved), "王五");
        await Procedure.RecordAsync(id, E(CaseEventKind.Paid, "2024-02-28"), "王五");
        var done = await Procedure.RecordAsync(id, E(CaseEventKind.Entered, "2024-02-29"), "王五");
        Assert.DoesNotContain(done.Deadlines, d => d.Open);
        var accepted = (await Host.Archive.GetManifestAsync(id)).Stages[0];
        Assert.Equal(["低保边缘家庭", "特困人员"], accepted.Categories!);
        Assert.Equal("Chizhou", accepted.Rules);
        Assert.Equal(("county", "township"), (accepted.Confirms!["dibao_marginal"], accepted.Confirms["tekun"])); // recorded at 受理
    }
}
