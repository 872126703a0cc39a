using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>
/// A step recorded over HTTP with a form printed at it (POST /api/cases/{caseId}/events with printForm): the form is
/// printed from the newest case data with its dates from the steps, filed, and named by the step; a refused step
/// files nothing. Real printer, PdfPig reading the filed PDF back; local-disk store.
/// </summary>
public sealed class StepFormEndpointTests(ApiServer server) : StepFormEndpointSuite(server), IClassFixture<ApiServer>;

/// <summary>The same with the service filing into S3 (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class StepFormEndpointS3Tests(S3ApiServer server) : StepFormEndpointSuite(server);

/// <summary>The step-with-form tests, run on each store; each test works in a township of its own.</summary>
public abstract class StepFormEndpointSuite(ApiServer server)
{
    private const string PublicityForm = "chizhou.review-publicity";

    private static JsonObject Step(string kind, string date, string? outcome = null, string? printForm = null, params string[] staff) => new()
    {
        ["kind"] = kind, ["at"] = date + "T10:00:00+08:00", ["outcome"] = outcome, ["printForm"] = printForm,
        ["staff"] = new JsonArray([.. staff.Select(s => (JsonNode)JsonValue.Create(s)!)]),
    };

    /// <summary>Case data with a 审核公示 section and no start date: the 公示 step gives it.</summary>
    private static JsonObject Record(string township) => new()
    {
        ["applicant"] = new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber },
        ["categories"] = new JsonArray("最低生活保障"),
        ["township"] = township,
        ["village"] = "杏花村",
        ["members"] = new JsonArray(new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber, ["relationship"] = "本人" }),
        ["review_publicity"] = new JsonObject
        {
            ["unit"] = township + "办事处",
            ["families"] = new JsonArray(new JsonObject { ["applicant_name"] = CorpusName, ["village"] = "杏花村", ["household_size"] = 1, ["covered_size"] = 1, ["category"] = "低保", ["amount"] = 500 }),
        },
    };

    private async Task<(HttpClient Clerk, string CaseId)> CaseUpToPublicityAsync(bool saveRecord = true, string? publicityStart = null)
    {
        var township = "表格镇" + Guid.NewGuid().ToString("N")[..6];
        var clerk = server.ClientFor(Role.Clerk, township);
        var caseId = await CreateAsync(clerk);
        if (saveRecord)
        {
            var record = Record(township);
            if (publicityStart is not null) record["review_publicity"]!["start_date"] = publicityStart;
            var saved = await clerk.PutAsync($"/api/cases/{caseId}/record", Json(record));
            Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        }
        foreach (var step in new[] { Step("受理", "2024-02-07"), Step("核对授权", "2024-02-08"), Step("入户调查", "2024-02-08", staff: "李四"), Step("初审意见", "2024-02-09", "批准") })
        {
            var response = await clerk.PostAsync($"/api/cases/{caseId}/events", Json(step));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        return (clerk, caseId);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient clerk, string caseId, JsonObject step)
    {
        var response = await clerk.PostAsync($"/api/cases/{caseId}/events", Json(step));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task The_step_names_the_form_filed_for_it_printed_with_the_steps_date()
    {
        var (clerk, caseId) = await CaseUpToPublicityAsync();
        var before = await GetJsonAsync(clerk, $"/api/cases/{caseId}");
        var recordDocument = before["directory"]!.AsArray().Last()!;

        var response = await clerk.PostAsync($"/api/cases/{caseId}/events", Json(Step("公示", "2024-02-19", printForm: PublicityForm)));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        var no = (int)body["form"]!["no"]!;
        Assert.Equal($"/api/cases/{caseId}/documents/{no}", response.Headers.Location!.OriginalString);
        Assert.Equal((caseId, 1), ((string)body["volume"]!, (int)body["caseRecordVersion"]!));
        var step = body["progress"]!["timeline"]!.AsArray().Last()!;
        Assert.Equal("公示", (string)step["what"]!);
        Assert.Equal([no], step["documents"]!.AsArray().Select(n => (int)n!).ToArray());

        // Filed in the case, titled with the case data version it was printed from, derived from that version.
        var after = await GetJsonAsync(clerk, $"/api/cases/{caseId}");
        var filed = after["directory"]!.AsArray().Single(d => (int)d!["no"]! == no)!;
        Assert.EndsWith("（据案件数据第 1 版）", (string)filed["title"]!);
        Assert.Equal((string)recordDocument["sha256"]!, (string)filed["derivedFrom"]!);
        Assert.Equal(((JsonArray)before["directory"]!).Count + 1, after["directory"]!.AsArray().Count);

        // The PDF carries the step's day: 公示 from 2.19 for 7 days, the first counted (the case data gave no date).
        var pdf = await clerk.GetByteArrayAsync($"/api/cases/{caseId}/documents/{no}");
        using var doc = PdfDocument.Open(pdf);
        Assert.Contains("2024年2月19日至2024年2月25日", string.Concat(doc.GetPages().Select(p => p.Text)).Replace(" ", ""));

        // The stored step names it too, and the audit line says which form went where.
        var progress = await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress");
        Assert.Equal([no], progress["timeline"]!.AsArray().Last()!["documents"]!.AsArray().Select(n => (int)n!).ToArray());
        var audit = await GetJsonAsync(server.ClientFor(Role.Admin), $"/api/audit?caseId={caseId}");
        Assert.True(audit.AsArray().Any(e => (string)e!["action"]! == "case.event" && ((string?)e["detail"] ?? "").Contains($"form {PublicityForm}")
            && ((string?)e["detail"] ?? "").Contains($"document {no}")), audit.ToJsonString());
    }

    [Fact]
    public async Task A_refused_step_prints_and_files_nothing()
    {
        var (clerk, caseId) = await CaseUpToPublicityAsync();
        async Task<int> CountAsync() => await DocumentCountAsync(clerk, caseId);
        var documents = await CountAsync();

        // Out of order: 审核确认 before 公示 (422, the procedure's words).
        var (status, problem) = await PostAsync(clerk, caseId, Step("审核确认", "2024-02-20", "批准", printForm: "chizhou.approval-publicity"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("办理环节不符合程序", (string)problem["title"]!);
        // An unknown form: 400 in Chinese, the step not recorded either.
        (status, problem) = await PostAsync(clerk, caseId, Step("公示", "2024-02-19", printForm: "no.such-form"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("printForm：没有编号为“no.such-form”的表格。", (string)problem["detail"]!);
        Assert.Equal(documents, await CountAsync());
        Assert.Equal("初审意见", (string)(await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray().Last()!["what"]!);

        // The step once with its form, then the same step again: refused, nothing more filed.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(clerk, caseId, Step("公示", "2024-02-19", printForm: PublicityForm))).Status);
        documents = await CountAsync();
        (status, _) = await PostAsync(clerk, caseId, Step("公示", "2024-02-20", printForm: PublicityForm));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(documents, await CountAsync());
    }

    [Fact]
    public async Task Without_saved_case_data_the_step_is_refused_before_anything_is_recorded()
    {
        var (clerk, caseId) = await CaseUpToPublicityAsync(saveRecord: false);
        var documents = await DocumentCountAsync(clerk, caseId);
        var (status, problem) = await PostAsync(clerk, caseId, Step("公示", "2024-02-19", printForm: PublicityForm));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("尚未保存案件数据", (string)problem["title"]!);
        Assert.Equal(documents, await DocumentCountAsync(clerk, caseId));
        Assert.Equal("初审意见", (string)(await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray().Last()!["what"]!);

        // The archivist may not record steps at all, with or without a form.
        var refused = await server.ClientFor(Role.Archivist).PostAsync($"/api/cases/{caseId}/events", Json(Step("公示", "2024-02-19", printForm: PublicityForm)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_date_in_the_case_data_that_contradicts_the_step_refuses_it_before_anything_is_filed()
    {
        var (clerk, caseId) = await CaseUpToPublicityAsync(publicityStart: "2024-02-18");
        var documents = await DocumentCountAsync(clerk, caseId);
        var (status, problem) = await PostAsync(clerk, caseId, Step("公示", "2024-02-19", printForm: PublicityForm));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("review_publicity.start_date 为 2024-02-18", (string)problem["detail"]!);
        Assert.Equal(documents, await DocumentCountAsync(clerk, caseId));
        Assert.Equal("初审意见", (string)(await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray().Last()!["what"]!);
    }

    [Fact]
    public async Task Two_clerks_recording_the_same_step_at_once_record_it_once_naming_one_form()
    {
        var (clerk, caseId) = await CaseUpToPublicityAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PostAsync(clerk, caseId, Step("公示", "2024-02-19", printForm: PublicityForm))));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], answers.Select(a => a.Status).Order().ToArray());
        var won = (int)answers.Single(a => a.Status == HttpStatusCode.Created).Body["form"]!["no"]!;
        var publicity = (await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray().Where(t => (string)t!["what"]! == "公示").ToList();
        Assert.Equal([won], Assert.Single(publicity)!["documents"]!.AsArray().Select(n => (int)n!).ToArray());
    }

    /// <summary>
    /// Two clerks post the same step with its form at once, three cases over: on each, one is recorded naming its
    /// form and the other refused having filed nothing — no printed form left in the case that no step names.
    /// </summary>
    [Fact]
    public async Task Racing_steps_with_forms_file_only_the_winners_form_and_leave_no_form_unnamed()
    {
        var cases = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => CaseUpToPublicityAsync()));
        foreach (var (clerk, caseId) in cases)
        {
            var before = await DocumentCountAsync(clerk, caseId);
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PostAsync(clerk, caseId, Step("公示", "2024-02-19", printForm: PublicityForm))));
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], answers.Select(a => a.Status).Order().ToArray());
            var won = (int)answers.Single(a => a.Status == HttpStatusCode.Created).Body["form"]!["no"]!;
            var lost = answers.Single(a => a.Status == HttpStatusCode.UnprocessableEntity).Body;
            Assert.Null(lost["filedForm"]); // refused before filing: nothing to name
            Assert.Equal(before + 1, await DocumentCountAsync(clerk, caseId));

            // Every printed 审核公示单 in the case is named by a step.
            var directory = (await GetJsonAsync(clerk, $"/api/cases/{caseId}"))["directory"]!.AsArray();
            var printed = directory.Where(d => ((string)d!["title"]!).StartsWith("池州市低收入人口审核公示单")).Select(d => (int)d!["no"]!).ToArray();
            var named = (await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray()
                .SelectMany(t => t!["documents"]!.AsArray().Select(n => (int)n!)).ToHashSet();
            Assert.Equal([won], printed);
            Assert.All(printed, no => Assert.Contains(no, named));
        }
    }

    /// <summary>The desk's step form: the forms it offers come from GET /api/step-forms, and its post (kind by name, date, printForm) files the form.</summary>
    [Fact]
    public async Task The_desk_offers_the_forms_a_step_may_print_and_its_post_files_the_chosen_one()
    {
        var (clerk, caseId) = await CaseUpToPublicityAsync();
        var steps = (await GetJsonAsync(clerk, "/api/step-forms")).AsArray();
        var publicity = steps.Single(s => (string)s!["kind"]! == "publicityStarted")!;
        Assert.Equal("公示", (string)publicity["label"]!);
        Assert.Equal([PublicityForm], publicity["forms"]!.AsArray().Select(f => (string)f!["id"]!).ToArray());
        Assert.Equal("池州市低收入人口审核公示单", (string)publicity["forms"]![0]!["title"]!);
        Assert.Empty(steps.Single(s => (string)s!["kind"]! == "extended")!["forms"]!.AsArray());

        // A form the step may not print: refused in Chinese, naming what it may print, nothing filed or recorded.
        var documents = await DocumentCountAsync(clerk, caseId);
        var desk = (string printForm) => new JsonObject { ["kind"] = "publicityStarted", ["date"] = "2024-02-19", ["staff"] = new JsonArray(), ["printForm"] = printForm };
        var (status, problem) = await PostAsync(clerk, caseId, desk("chizhou.acceptance-notice"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal($"“公示”时不能打印池州市低收入人口申请受理告知书（chizhou.acceptance-notice）；该环节可打印：{PublicityForm}。", (string)problem["detail"]!);
        Assert.Equal(documents, await DocumentCountAsync(clerk, caseId));
        Assert.Equal("初审意见", (string)(await GetJsonAsync(clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray().Last()!["what"]!);

        var (created, body) = await PostAsync(clerk, caseId, desk(PublicityForm));
        Assert.True(created == HttpStatusCode.Created, body.ToJsonString());
        var no = (int)body["form"]!["no"]!;
        Assert.StartsWith("池州市低收入人口审核公示单", (string)body["form"]!["title"]!);
        Assert.Equal([no], body["progress"]!["timeline"]!.AsArray().Last()!["documents"]!.AsArray().Select(n => (int)n!).ToArray());
        Assert.Equal(documents + 1, await DocumentCountAsync(clerk, caseId));
    }
}
