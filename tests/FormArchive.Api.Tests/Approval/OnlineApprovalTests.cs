using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using UglyToad.PdfPig;
using static FormArchive.Tests.Api.ApprovalApi;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api.Approval;

/// <summary>
/// The online approval over HTTP, each step a person's key: the township submits the complete electronic file, the
/// county reads it read-only from its queue and decides, each unit's 负责人 countersigns, and nobody signs twice. The
/// counties are the embedded ones: 云阳县 (巴阳镇, Yunyang: everything to the county) and 贵池区 (秋浦街道, Chizhou 附件3).
/// Real OCR of the uploaded materials; local-disk store.
/// </summary>
public sealed class OnlineApprovalTests(ApiServer server) : OnlineApprovalSuite(server), IClassFixture<ApiServer>;

/// <summary>The same with the service filing into S3 (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class OnlineApprovalS3Tests(S3ApiServer server) : OnlineApprovalSuite(server);

public abstract class OnlineApprovalSuite(ApiServer server)
{
    private const string Yunyang = "巴阳镇", Guichi = "秋浦街道";

    /// <summary>The people of one test: a township's 经办人 and 负责人, the county's 经办人 and 负责人, and its 核对机构 (a system).</summary>
    private sealed record People(HttpClient Clerk, HttpClient Head, HttpClient CountyClerk, HttpClient CountyHead, HttpClient Verifier);

    private People PeopleOf(string township, string county) => new(
        server.ClerkFor("王五", township), server.ClerkFor("周八", township, Post.Head),
        server.ClerkFor("孙七", null, county: county), server.ClerkFor("钱十", null, Post.Head, county), server.VerifierFor(county));

    private static JsonObject CaseOf(params string[] categories)
    {
        var data = NewCase();
        data["categories"] = new JsonArray([.. categories.Select(c => (JsonNode)JsonValue.Create(c)!)]);
        return data;
    }

    private static JsonObject Approval(string date, JsonObject terms)
    {
        var step = Step("审核确认", date, "批准");
        step["terms"] = terms;
        return step;
    }

    private static JsonNode Line(JsonNode queue, string caseId) => queue["lines"]!.AsArray().Single(l => (string)l!["caseId"]! == caseId)!;

    private static async Task<JsonArray> QueueAsync(HttpClient county, string query = "") =>
        (await GetJsonAsync(county, "/api/county/queue?date=2024-03-15" + query))["lines"]!.AsArray();

    /// <summary>A case through 公示 with its file complete, its opinion countersigned, and submitted.</summary>
    private static async Task<string> SubmittedAsync(People p, JsonObject data, string submitted = "2024-03-15")
    {
        var caseId = await CreateAsync(p.Clerk, data);
        await UploadMaterialsAsync(p.Clerk, caseId);
        await FileVerificationResultAsync(p.Verifier, caseId);
        await ThroughPublicityAsync(p.Clerk, caseId, await UploadOpinionPaperAsync(p.Clerk, caseId));
        await StepAsync(p.Head, caseId, Step("负责人审签", submitted));
        await StepAsync(p.Clerk, caseId, Step("报送审批", submitted));
        return caseId;
    }

    [Fact]
    public async Task Yunyang_the_township_submits_the_county_decides_from_the_electronic_file_and_both_heads_countersign()
    {
        var p = PeopleOf(Yunyang, "云阳县");
        var caseId = await CreateAsync(p.Clerk, CaseOf("低保"));
        await UploadMaterialsAsync(p.Clerk, caseId);
        await FileVerificationResultAsync(p.Verifier, caseId);
        await ThroughPublicityAsync(p.Clerk, caseId, await UploadOpinionPaperAsync(p.Clerk, caseId));

        // 四眼原则: the opinion is countersigned by the township's 负责人 before it goes to the county, never by its author.
        var (status, body) = await PostStepAsync(p.Clerk, caseId, Step("报送审批", "2024-03-15"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("尚未经巴阳镇负责人审签", (string)body["detail"]!);
        (status, body) = await PostStepAsync(p.Clerk, caseId, Step("负责人审签", "2024-03-15"));
        Assert.Contains("须由负责人作出", (string)body["detail"]!);
        await StepAsync(p.Head, caseId, Step("负责人审签", "2024-03-15"));
        // Not yet submitted: the county does not even see the case.
        Assert.Equal(HttpStatusCode.NotFound, (await p.CountyClerk.GetAsync($"/api/cases/{caseId}")).StatusCode);
        await StepAsync(p.Clerk, caseId, Step("报送审批", "2024-03-15"));

        // From now the file is the county's: the township cannot change it.
        var frozen = await p.Clerk.PostAsync($"/api/cases/{caseId}/scans", Scans(("late.jpg", CorpusScan(), "image/jpeg")));
        Assert.Equal(HttpStatusCode.Conflict, frozen.StatusCode);
        Assert.Contains("已报送县（区）民政局审批", await frozen.Content.ReadAsStringAsync());

        // The county's queue: the case, with its 审核确认 deadline 15 working days from 受理 (民发〔2021〕57号).
        var line = (await QueueAsync(p.CountyClerk)).Single(l => (string)l!["caseId"]! == caseId)!;
        Assert.Equal(Yunyang, (string)line["township"]!);
        Assert.Equal("2024-03-25", (string)line["due"]!);
        Assert.Equal("审核确认", (string)line["awaiting"]!);
        Assert.False((bool)line["dueSoon"]! || (bool)line["overdue"]!);
        Assert.True(Line(await GetJsonAsync(p.CountyClerk, "/api/county/queue?date=2024-03-21"), caseId)["dueSoon"]!.GetValue<bool>());
        Assert.True(Line(await GetJsonAsync(p.CountyClerk, "/api/county/queue?date=2024-03-26"), caseId)["overdue"]!.GetValue<bool>());
        Assert.Contains(await QueueAsync(p.CountyClerk, "&category=低保"), l => (string)l!["caseId"]! == caseId);
        Assert.DoesNotContain(await QueueAsync(p.CountyClerk, "&category=特困"), l => (string)l!["caseId"]! == caseId);

        // The electronic file, read-only: the case, its scans with the members they match, the timeline with its signers.
        var pages = (await GetJsonAsync(p.CountyClerk, $"/api/cases/{caseId}/pages"))
            .ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(CorpusName, pages);
        Assert.DoesNotContain(CorpusIdNumber, pages);
        var progress = await GetJsonAsync(p.CountyClerk, $"/api/cases/{caseId}/progress");
        Assert.Contains(progress["timeline"]!.AsArray(), t => (string?)t!["signedBy"] == "巴阳镇 负责人 周八");
        Assert.True((bool)progress["withCounty"]!);
        var upload = await p.CountyClerk.PostAsync($"/api/cases/{caseId}/scans", Scans(("x.jpg", CorpusScan(), "image/jpeg")));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);

        // The decision states what the forms print; the township cannot take it.
        (status, body) = await PostStepAsync(p.CountyClerk, caseId, Step("审核确认", "2024-03-18", "批准"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("人均补助金额、家庭补助金额", (string)body["detail"]!);
        (status, body) = await PostStepAsync(p.Head, caseId, Approval("2024-03-18", new JsonObject { ["fromMonth"] = "2024-04" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        await StepAsync(p.CountyClerk, caseId, Approval("2024-03-18", new JsonObject
        {
            ["perCapitaMonthly"] = 520, ["householdMonthly"] = 520, ["coveredPersons"] = 1, ["fromMonth"] = "2024年4月",
        }));
        Assert.Equal("负责人审签", (string)(await QueueAsync(p.CountyClerk)).Single(l => (string)l!["caseId"]! == caseId)!["awaiting"]!);
        (status, _) = await PostStepAsync(p.Clerk, caseId, Step("告知", "2024-03-19", "批准"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        await StepAsync(p.CountyHead, caseId, Step("负责人审签", "2024-03-19"));
        Assert.DoesNotContain(await QueueAsync(p.CountyClerk), l => (string)l!["caseId"]! == caseId);

        // Back with the township, which tells the household.
        await StepAsync(p.Clerk, caseId, Step("告知", "2024-03-19", "批准"));
        var timeline = (await GetJsonAsync(p.Clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray();
        var confirmed = timeline.Single(t => (string)t!["what"]! == "审核确认")!;
        Assert.Equal("云阳县民政局 经办人 孙七", (string)confirmed["signedBy"]!);
        Assert.Equal("2024-04-01", (string)confirmed["terms"]!["fromMonth"]!);
        Assert.Equal(["巴阳镇 负责人 周八", "云阳县民政局 负责人 钱十"],
            timeline.Where(t => (string)t!["what"]! == "负责人审签").Select(t => (string)t!["signedBy"]!));

        // The audit log says who signed each step, as the case log does.
        var audit = (await GetJsonAsync(server.ClientFor(Role.Admin), $"/api/audit?caseId={caseId}"))
            .ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("负责人审签, signed 云阳县民政局 负责人 钱十", audit);
        Assert.Contains("审核确认, signed 云阳县民政局 经办人 孙七", audit);

        // The dossier's 案卷办理过程 prints who signed each step.
        var dossier = await server.ClientFor(Role.Archivist).GetByteArrayAsync($"/api/cases/{caseId}/dossier");
        using var pdf = PdfDocument.Open(dossier);
        var text = string.Concat(pdf.GetPages().Select(pg => pg.Text));
        Assert.Contains("云阳县民政局负责人钱十", text.Replace(" ", ""));
        Assert.Contains("从2024年4月起执行", text.Replace(" ", ""));
    }

    [Fact]
    public async Task Chizhou_a_dibao_case_is_confirmed_by_the_township_with_no_county_step()
    {
        var p = PeopleOf(Guichi, "贵池区");
        var caseId = await CreateAsync(p.Clerk, CaseOf("低保"));
        await ThroughPublicityAsync(p.Clerk, caseId, await UploadOpinionPaperAsync(p.Clerk, caseId));
        var (status, body) = await PostStepAsync(p.Clerk, caseId, Step("审核确认", "2024-03-15", "批准"));
        Assert.Contains("尚未经秋浦街道负责人审签", (string)body["detail"]!);
        await StepAsync(p.Head, caseId, Step("负责人审签", "2024-03-15"));
        (status, body) = await PostStepAsync(p.Clerk, caseId, Step("报送审批", "2024-03-15"));
        Assert.Contains("审核确认权限已下放乡镇（街道）", (string)body["detail"]!);
        await StepAsync(p.Clerk, caseId, Step("审核确认", "2024-03-15", "批准"));
        await StepAsync(p.Head, caseId, Step("负责人审签", "2024-03-18"));
        await StepAsync(p.Clerk, caseId, Step("告知", "2024-03-18", "批准"));
        // Never submitted, so the county neither sees nor decides it.
        Assert.Equal(HttpStatusCode.NotFound, (await p.CountyClerk.GetAsync($"/api/cases/{caseId}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostStepAsync(p.CountyClerk, caseId, Step("退回补正", "2024-03-19"))).Status);
    }

    [Fact]
    public async Task Chizhou_a_rigid_expenditure_case_is_refused_to_the_township_and_confirmed_by_the_county()
    {
        var p = PeopleOf(Guichi, "贵池区");
        var caseId = await CreateAsync(p.Clerk, CaseOf("刚性支出困难"));
        await UploadMaterialsAsync(p.Clerk, caseId);
        await FileVerificationResultAsync(p.Verifier, caseId);
        await ThroughPublicityAsync(p.Clerk, caseId, await UploadOpinionPaperAsync(p.Clerk, caseId));
        await StepAsync(p.Head, caseId, Step("负责人审签", "2024-03-15"));
        var (status, body) = await PostStepAsync(p.Head, caseId, Step("审核确认", "2024-03-15", "批准"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("刚性支出困难家庭属县（区）民政局审核确认事项", (string)body["detail"]!);
        await StepAsync(p.Clerk, caseId, Step("报送审批", "2024-03-15"));

        // Another county's clerk: the case does not exist for them, to read or to decide.
        var yunyangClerk = server.ClerkFor("赵一", null, county: "云阳县");
        Assert.Equal(HttpStatusCode.NotFound, (await yunyangClerk.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostStepAsync(yunyangClerk, caseId, Approval("2024-03-18", new JsonObject { ["fromMonth"] = "2024-04" }))).Status);
        Assert.DoesNotContain((await GetJsonAsync(yunyangClerk, "/api/county/queue"))["lines"]!.AsArray(), l => (string)l!["caseId"]! == caseId);
        // A township key has no county desk.
        var refused = await p.Clerk.GetAsync("/api/county/queue");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("县（区）民政局的工作人员", await refused.Content.ReadAsStringAsync());

        await StepAsync(p.CountyClerk, caseId, Approval("2024-03-18", new JsonObject { ["fromMonth"] = "2024-04" }));
        (status, body) = await PostStepAsync(p.CountyClerk, caseId, Step("负责人审签", "2024-03-18"));
        Assert.Contains("须由负责人作出", (string)body["detail"]!);
        await StepAsync(p.CountyHead, caseId, Step("负责人审签", "2024-03-18"));
        await StepAsync(p.Clerk, caseId, Step("告知", "2024-03-19", "批准"));
    }

    [Fact]
    public async Task A_return_for_supplements_reopens_the_file_and_the_resubmitted_case_is_approved()
    {
        var p = PeopleOf(Yunyang, "云阳县");
        var caseId = await SubmittedAsync(p, CaseOf("临时救助"));
        var (status, body) = await PostStepAsync(p.CountyClerk, caseId, Step("退回补正", "2024-03-18"));
        Assert.Contains("须写明需补正的材料", (string)body["detail"]!);
        var back = Step("退回补正", "2024-03-18");
        back["supply"] = new JsonArray("残疾证", "住院费用结算单");
        await StepAsync(p.CountyClerk, caseId, back);
        Assert.DoesNotContain(await QueueAsync(p.CountyClerk), l => (string)l!["caseId"]! == caseId);

        // Returned: the township may add to the file again, and submits it anew.
        await UploadMaterialsAsync(p.Clerk, caseId, "hardship");
        await StepAsync(p.Clerk, caseId, Step("报送审批", "2024-03-19"));
        Assert.Contains(await QueueAsync(p.CountyClerk), l => (string)l!["caseId"]! == caseId);
        await StepAsync(p.CountyClerk, caseId, Approval("2024-03-20", new JsonObject { ["temporaryAmount"] = 1500 }));
        await StepAsync(p.CountyHead, caseId, Step("负责人审签", "2024-03-20"));

        var timeline = (await GetJsonAsync(p.Clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray();
        Assert.Equal(["报送审批", "退回补正", "报送审批", "审核确认", "负责人审签"],
            timeline.Select(t => (string)t!["what"]!).SkipWhile(w => w != "报送审批"));
        Assert.Equal(["残疾证", "住院费用结算单"], timeline.Single(t => (string)t!["what"]! == "退回补正")!["supply"]!.AsArray().Select(s => (string)s!));
        var dossier = await server.ClientFor(Role.Archivist).GetByteArrayAsync($"/api/cases/{caseId}/dossier");
        using var pdf = PdfDocument.Open(dossier);
        var text = string.Concat(pdf.GetPages().Select(pg => pg.Text)).Replace(" ", "");
        Assert.Contains("补正材料：残疾证、住院费用结算单", text);
        Assert.Contains("云阳县民政局经办人孙七", text);
    }

    [Fact]
    public async Task The_same_person_cannot_give_the_opinion_and_countersign_it()
    {
        var p = PeopleOf(Guichi, "贵池区");
        var caseId = await CreateAsync(p.Clerk, CaseOf("低保"));
        await StepAsync(p.Clerk, caseId, Step("受理", "2024-03-04"), Step("核对授权", "2024-03-04"), Step("入户调查", "2024-03-05", staff: "李四"));
        await StepAsync(p.Head, caseId, Step("初审意见", "2024-03-06", "批准"));
        var (status, body) = await PostStepAsync(p.Head, caseId, Step("负责人审签", "2024-03-06"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("由周八本人作出", (string)body["detail"]!);
        Assert.Contains("四眼原则", (string)body["detail"]!);
        Assert.DoesNotContain((await GetJsonAsync(p.Clerk, $"/api/cases/{caseId}/progress"))["timeline"]!.AsArray(), t => (string)t!["what"]! == "负责人审签");
    }

    [Fact]
    public async Task Submission_is_refused_while_the_file_is_incomplete_naming_what_is_missing()
    {
        var p = PeopleOf(Yunyang, "云阳县");
        var caseId = await CreateAsync(p.Clerk, CaseOf("低保"));
        await UploadMaterialsAsync(p.Clerk, caseId, "id-front", "bank");
        var opinion = Step("初审意见", "2024-03-06", "批准");
        await StepAsync(p.Clerk, caseId, Step("受理", "2024-03-04"), Step("核对授权", "2024-03-04"), Step("入户调查", "2024-03-05", staff: "李四"),
            opinion, Step("公示", "2024-03-07"));
        await StepAsync(p.Head, caseId, Step("负责人审签", "2024-03-15"));
        var (status, body) = await PostStepAsync(p.Clerk, caseId, Step("报送审批", "2024-03-15"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var detail = (string)body["detail"]!;
        Assert.Contains("电子档案不全", detail);
        Assert.Contains("户口簿首页", detail);
        Assert.Contains("本人签字的申请书", detail);
        Assert.Contains("家庭经济状况核对结果", detail); // the 核对机构 has not filed it
        Assert.Contains("乡镇（街道）审核意见", detail);
        Assert.DoesNotContain("银行账户", detail);
        Assert.DoesNotContain(CorpusIdNumber, detail);
    }
}
