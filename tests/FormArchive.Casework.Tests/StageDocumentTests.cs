using System.Text.Json.Nodes;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Casework;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Templates;
using FormArchive.Templates.Printing;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>A form printed at a step is a record of it: the step's log entry names the filed document (real printer, disk archive).</summary>
public sealed class StageDocumentTests(ApiServer server) : StageDocumentSuite(server), IClassFixture<ApiServer>;

/// <summary>The same on the S3 store (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class StageDocumentS3Tests(S3ApiServer server) : StageDocumentSuite(server);

/// <summary>The stage-document tests, run on each store.</summary>
public abstract class StageDocumentSuite(ApiServer server)
{
    private ArchiveHost Host => server.App.Services.GetRequiredService<ArchiveHost>();
    private CaseProcedure Procedure => server.App.Services.GetRequiredService<CaseProcedure>();
    private FormPrinter Printer => server.App.Services.GetRequiredService<FormPrinter>();

    private async Task<string> OpenAsync() =>
        (await CaseOpening.OpenAsync(Host.Archive, new CaseApplication
        {
            Applicant = new CaseApplicant(CorpusName, CorpusIdNumber), Categories = ["低保"], Members = [new CaseMember(CorpusName, CorpusIdNumber)],
        }, Township, "王五")).CaseId;

    /// <summary>Saves case data with a 审核公示单 section and no start date (the 公示 step gives it), through the service.</summary>
    private async Task SaveRecordAsync(string id)
    {
        var data = new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber },
            ["categories"] = new JsonArray("最低生活保障"),
            ["township"] = Township,
            ["village"] = "杏花村",
            ["members"] = new JsonArray(new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber, ["relationship"] = "本人" }),
            ["review_publicity"] = new JsonObject
            {
                ["unit"] = "秋浦街道办事处",
                ["families"] = new JsonArray(new JsonObject { ["applicant_name"] = CorpusName, ["village"] = "杏花村", ["household_size"] = 1, ["covered_size"] = 1, ["category"] = "低保", ["amount"] = 500 }),
            },
        };
        var saved = await server.ClientFor(Role.Clerk, Township).PutAsync($"/api/cases/{id}/record", Json(data.ToJsonString()));
        Assert.True(saved.StatusCode == System.Net.HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
    }

    private FormTemplate PublicityNotice => Printer.Catalog.Get("chizhou.review-publicity");

    [Fact]
    public async Task A_form_printed_at_a_step_is_filed_and_named_by_the_step_with_the_steps_dates()
    {
        var id = await OpenAsync();
        await SaveRecordAsync(id);
        foreach (var e in ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-08", "2024-02-09", "2024-02-19").SkipLast(1))
            await Procedure.RecordAsync(id, e, "王五");

        var done = await Procedure.RecordWithFormAsync(id, E(CaseEventKind.PublicityStarted, "2024-02-19"), PublicityNotice, Printer, "王五");
        var (form, progress) = (done.Form, done.Progress);
        var step = progress.Timeline[^1];
        Assert.Equal(("公示", id), (step.What, step.Volume));
        Assert.Equal([form.No], step.Documents);
        var m = await Host.Archive.GetManifestAsync(id);
        Assert.Equal([form.No], m.Stages[^1].Documents!);
        Assert.Null(m.Stages[0].Documents); // steps without documents are stored as before
        var (_, pdf) = await Host.Archive.GetDocumentAsync(id, form.No, "王五");
        using var doc = PdfDocument.Open(pdf);
        // 公示 from the step's own day for 7 days, the first day counted.
        Assert.Contains("2024年2月19日至2024年2月25日", string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", ""));

        // A step the rules refuse, or a form the step may not print, prints and files nothing.
        var documents = m.Documents.Count;
        await Assert.ThrowsAsync<CaseworkException>(() => Procedure.RecordWithFormAsync(id, E(CaseEventKind.PublicityStarted, "2024-02-20"), PublicityNotice, Printer, "王五"));
        var wrongForm = await Assert.ThrowsAsync<CaseworkException>(() => Procedure.RecordWithFormAsync(id, E(CaseEventKind.Confirmed, "2024-02-27", CaseOutcome.Approved),
            PublicityNotice, Printer, "王五"));
        Assert.StartsWith("“审核确认”时不能打印池州市低收入人口审核公示单（chizhou.review-publicity）", wrongForm.Message);
        Assert.Equal(documents, (await Host.Archive.GetManifestAsync(id)).Documents.Count);
        Assert.Equal(5, (await Host.Archive.GetManifestAsync(id)).Stages.Count);
    }

    [Fact]
    public async Task The_first_acceptance_with_its_form_records_the_rules_and_categories_as_without_one()
    {
        var (withForm, plain) = (await OpenAsync(), await OpenAsync());
        await SaveRecordAsync(withForm);
        var done = await Procedure.RecordWithFormAsync(withForm, E(CaseEventKind.Accepted, "2024-02-07"), Printer.Catalog.Get("chizhou.application-pledge"), Printer, "王五");
        await Procedure.RecordAsync(plain, E(CaseEventKind.Accepted, "2024-02-07"), "王五");

        var (step, expected) = ((await Host.Archive.GetManifestAsync(withForm)).Stages.Single(), (await Host.Archive.GetManifestAsync(plain)).Stages.Single());
        Assert.NotNull(expected.Rules);
        Assert.NotEmpty(expected.Categories!);
        Assert.Equal(expected.Rules, step.Rules);
        Assert.Equal(expected.Categories, step.Categories);
        Assert.Equal([done.Form.No], step.Documents!);
    }

    [Fact]
    public async Task A_step_may_name_documents_of_its_volume_only()
    {
        var id = await OpenAsync();
        var refused = await Assert.ThrowsAsync<CaseworkException>(() => Procedure.RecordAsync(id, E(CaseEventKind.Accepted, "2024-02-07") with { Documents = [2] }, "王五"));
        Assert.Contains("没有件号为 2 的文件", refused.Message);
        await Assert.ThrowsAsync<CaseworkException>(() => Procedure.RecordAsync(id, E(CaseEventKind.Accepted, "2024-02-07") with { Documents = [1, 1] }, "王五"));
        Assert.Empty((await Host.Archive.GetManifestAsync(id)).Stages);

        // The application filed at opening is document 1: 受理 may name it.
        var report = await Procedure.RecordAsync(id, E(CaseEventKind.Accepted, "2024-02-07") with { Documents = [1] }, "王五");
        Assert.Equal([1], Assert.Single(report.Timeline).Documents);
    }
}
