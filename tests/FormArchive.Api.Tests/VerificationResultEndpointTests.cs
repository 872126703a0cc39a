using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Tests.Forms;
using FormArchive.Tests.Integrity;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>The 核对机构's results over real HTTP on the local-disk store.</summary>
public sealed class VerificationResultEndpointTests(ApiServer server) : VerificationResultEndpointSuite(server), IClassFixture<ApiServer>
{
    [Fact]
    public async Task Data_the_archive_cannot_read_leaves_the_case_readable()
    {
        var caseId = await CreateAsync(Clerk, Household());
        var (status, body) = await PostAsync(caseId, PlainPdf(), Data());
        Assert.Equal(HttpStatusCode.Created, status);
        var data = (await Archive.GetManifestAsync(caseId)).Documents.Single(d => d.No == (int)body["result"]!["dataDocumentNo"]!);
        await Archive.Store.PutAsync(StoreArea.Vault, data.Key, "[]"u8.ToArray()); // behind the service's back

        var current = (await GetJsonAsync(Clerk, $"/api/cases/{caseId}"))["verification"]!["current"]!;
        Assert.Equal("2025-03-04", (string)current["checkedOn"]!);
        Assert.Contains("无法按原样读取", (string)current["summary"]!.AsArray().Single(v => (string)v!["field"]! == "unreadable")!["value"]!);
        Assert.Empty(current["sections"]!.AsArray());
    }
}

/// <summary>The same suite with the service filing into S3 (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class VerificationResultEndpointS3Tests(S3ApiServer server) : VerificationResultEndpointSuite(server);

/// <summary>
/// POST /api/cases/{caseId}/verification-results by a county's 核对机构: filed with its data, shown labelled on the case,
/// idempotent, a re-check current, hostile or huge PDFs and bad data refused with nothing filed, the scope and the
/// role kept, the checklist satisfied — run on each store. The data is samples/verification-result/result.json, for
/// the household of the README's case (张三, 孙明红; 张小英 is a daughter outside it, a 赡养义务人).
/// </summary>
public abstract class VerificationResultEndpointSuite(ApiServer server)
{
    private const string Agency = "贵池区居民家庭经济状况核对中心";
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);
    protected HttpClient Clerk => _clerk;
    private readonly HttpClient _verifier = server.VerifierFor("贵池区", Agency);

    protected CaseArchive Archive => server.App.Services.GetRequiredService<ArchiveHost>().Archive;

    protected static JsonObject Data() => JsonNode.Parse(FormsFixture.Sample("verification-result/result.json"))!.AsObject();

    protected static JsonObject Household() => new()
    {
        ["fileNumber"] = "H-" + Guid.NewGuid().ToString("N")[..10],
        ["applicant"] = new JsonObject { ["name"] = "张三", ["idNumber"] = "11010519491231002X" },
        ["village"] = "杏花村",
        ["categories"] = new JsonArray("低保"),
        ["members"] = new JsonArray(new JsonObject { ["name"] = "张三", ["idNumber"] = "11010519491231002X" },
            new JsonObject { ["name"] = "孙明红", ["idNumber"] = CorpusIdNumber }),
    };

    private static MultipartFormDataContent Upload(byte[] pdf, JsonNode data, string fileName = "核对报告.pdf")
    {
        var report = new ByteArrayContent(pdf);
        report.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { report, "pdf", fileName }, { Json(data), "data", "result.json" } };
    }

    protected async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string caseId, byte[] pdf, JsonNode data, HttpClient? client = null)
    {
        var response = await (client ?? _verifier).PostAsync($"/api/cases/{caseId}/verification-results", Upload(pdf, data));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!);
    }

    [Fact]
    public async Task A_result_is_filed_with_its_data_and_the_case_shows_it_labelled()
    {
        var caseId = await CreateAsync(_clerk, Household());
        Assert.False(await ChecklistHasAsync(_clerk, caseId, "verification-result"));
        var pdf = PlainPdf();
        var (status, posted) = await PostAsync(caseId, pdf, Data());
        Assert.True(status == HttpStatusCode.Created, posted.ToJsonString());
        Assert.False((bool)posted["alreadyFiled"]!);
        Assert.Equal(caseId, (string)posted["volume"]!);

        var view = await GetJsonAsync(_clerk, $"/api/cases/{caseId}");
        var directory = view["directory"]!.AsArray();
        var report = directory.Single(d => (string)d!["title"]! == "居民家庭经济状况核对报告")!;
        var data = directory.Single(d => (string)d!["title"]! == "居民家庭经济状况核对报告（结构化数据）")!;
        // 责任者 is the 核对机构 (the key's name); 形成日期 the 核对日期; the report's number is its 文号.
        Assert.Equal(Agency, (string)report["responsibleParty"]!);
        Assert.Equal(Agency, (string)data["responsibleParty"]!);
        Assert.Equal("2025-03-04", (string)report["date"]!);
        Assert.Equal("贵池核〔2025〕0317号", (string)report["docNumber"]!);
        Assert.Equal((string)report["sha256"]!, (string)data["derivedFrom"]!);
        Assert.Equal(pdf, await _clerk.GetByteArrayAsync($"/api/cases/{caseId}/documents/{(int)report["no"]!}"));

        var current = view["verification"]!["current"]!;
        Assert.Equal((int)report["no"]!, (int)current["reportDocumentNo"]!);
        Assert.Equal(Agency, (string)current["agency"]!);
        Assert.Equal("2025-03-04", (string)current["checkedOn"]!);
        Assert.Empty(view["verification"]!["earlier"]!.AsArray());
        Assert.Contains(current["summary"]!.AsArray(), v => (string)v!["label"]! == "家庭月人均收入（元）" && (string)v["value"]! == "930.00");
        var members = Table(current, "members");
        Assert.Equal("核对对象", (string)members["label"]!);
        Assert.Contains(members["columns"]!.AsArray(), c => (string)c!["field"]! == "inHousehold" && (string)c["label"]! == "共同生活家庭成员");
        var rows = members["rows"]!.AsArray();
        Assert.Equal(["110105********002X", "370202********7733", "341702********1623"], rows.Select(r => (string)r!["idNumber"]!));
        Assert.Equal(["是", "是", "否"], rows.Select(r => (string)r!["inHousehold"]!)); // 张小英: a 赡养义务人 outside the household
        var incomes = Table(current, "incomes");
        Assert.Equal("收入", (string)incomes["label"]!);
        Assert.Equal(["14,400.00", "7,920.00", "36,000.00"], incomes["rows"]!.AsArray().Select(r => (string)r!["amount"]!));
        Assert.Equal("86.5", (string)Table(current, "realEstate")["rows"]![0]!["area"]!);
        Assert.Empty(Table(current, "vehicles")["rows"]!.AsArray()); // checked, nothing found
        Assert.Empty(current["householdNotChecked"]!.AsArray());
        // The full ID numbers stay in the archive; the view never shows them.
        Assert.DoesNotContain("11010519491231002X", view.ToJsonString());

        Assert.True(await ChecklistHasAsync(_clerk, caseId, "verification-result"));
    }

    private static JsonNode Table(JsonNode result, string field) => result["sections"]!.AsArray().Single(s => (string)s!["field"]! == field)!;

    [Fact]
    public async Task The_same_result_again_files_nothing_and_a_recheck_becomes_the_current_one()
    {
        var caseId = await CreateAsync(_clerk, Household());
        var pdf = PlainPdf();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(caseId, pdf, Data())).Status);
        int documents = await DocumentCountAsync(_clerk, caseId);

        // The same PDF and the same data, its JSON written otherwise (order, spacing, 14400 as "14400.0"): nothing new.
        var again = Data();
        again["incomes"]![0]!["amount"] = "14400.0";
        var reordered = new JsonObject(again.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var (status, body) = await PostAsync(caseId, pdf, reordered);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        Assert.True((bool)body["alreadyFiled"]!);
        Assert.Equal(documents, await DocumentCountAsync(_clerk, caseId));

        // A re-check: another report and other data, filed beside the first and now the current one.
        var recheck = Data();
        recheck["checkedOn"] = "2025-06-10";
        recheck["reportNumber"] = "贵池核〔2025〕0602号";
        (status, body) = await PostAsync(caseId, PlainPdf("recheck"), recheck);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(documents + 2, await DocumentCountAsync(_clerk, caseId));
        var verification = (await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["verification"]!;
        Assert.Equal("2025-06-10", (string)verification["current"]!["checkedOn"]!);
        Assert.Equal("贵池核〔2025〕0602号", (string)verification["current"]!["reportNumber"]!);
        Assert.Equal("贵池核〔2025〕0317号", (string)verification["earlier"]!.AsArray().Single()!["reportNumber"]!);

        // The first report with corrected data: only the data is filed, derived from the report already there.
        var corrected = Data();
        corrected["conclusion"] = "更正：存款余额以银行回函为准。";
        (status, body) = await PostAsync(caseId, pdf, corrected);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(documents + 3, await DocumentCountAsync(_clerk, caseId));
        Assert.Equal((int)verification["earlier"]![0]!["reportDocumentNo"]!, (int)body["result"]!["reportDocumentNo"]!);
    }

    [Fact]
    public async Task A_hostile_lying_or_huge_report_is_refused_in_Chinese_and_nothing_is_filed()
    {
        var caseId = await CreateAsync(_clerk, Household());
        int documents = await DocumentCountAsync(_clerk, caseId);
        var refusals = new (byte[] Pdf, string Says)[]
        {
            (PdfWithJavaScript(), "JavaScript"),
            (CorpusScan(), "不是 PDF"),                                          // a JPEG sent as the report
            ([.. "<html>"u8, .. PlainPdf()], "PDF 文件头"),                       // text before %PDF-
            (ImagePdf.Build(8000, 8000, rgb: false), "超过解码上限"),               // an image beyond the pixel budget
        };
        foreach (var (pdf, says) in refusals)
        {
            var (status, problem) = await PostAsync(caseId, pdf, Data());
            Assert.True(status == HttpStatusCode.UnprocessableEntity, problem.ToJsonString());
            Assert.Equal("核对报告被拒收", (string)problem["title"]!);
            Assert.Contains(says, (string)problem["detail"]!);
        }
        var (tooLarge, body) = await PostAsync(caseId, [.. PlainPdf(), .. new byte[ApiServer.MaxUploadBytes]], Data());
        Assert.True(tooLarge == HttpStatusCode.RequestEntityTooLarge, body.ToJsonString());
        Assert.Equal("上传内容过大", (string)body["title"]!);
        Assert.Equal(documents, await DocumentCountAsync(_clerk, caseId));
        Assert.False(await ChecklistHasAsync(_clerk, caseId, "verification-result"));
    }

    [Fact]
    public async Task Bad_data_is_refused_naming_each_field_in_Chinese()
    {
        var caseId = await CreateAsync(_clerk, Household());
        var data = Data();
        data["checkedOn"] = "2025/3/4";
        data["incomes"]![1]!["amount"] = -5;
        data["realEstate"]![0]!["idNumber"] = "110105194912310021";               // a wrong check digit
        data["financialAssets"]![0]!["name"] = "王五";                           // nobody checked
        data["members"]![1]!["name"] = "孙明";                                   // the household has 孙明红 under this number
        data["vehicles"] = new JsonArray(new JsonObject { ["idNumber"] = "11010519491231002X", ["plateNumbr"] = "皖R12345" });
        var (status, problem) = await PostAsync(caseId, PlainPdf(), data);
        Assert.True(status == HttpStatusCode.BadRequest, problem.ToJsonString());
        Assert.Equal("核对数据有误", (string)problem["title"]!);
        var fields = problem["errors"]!.AsArray().Select(e => (string)e!["field"]!).ToList();
        Assert.Equal(["核对日期", "收入第 2 项的金额（元）", "不动产第 1 项的公民身份号码", "机动车第 1 项", "机动车第 1 项的号牌号码", "核对对象第 2 项的姓名",
            "存款及金融资产第 1 项的姓名"], fields);
        Assert.DoesNotContain("$", problem.ToJsonString());
        Assert.Contains(problem["errors"]!.AsArray(), e => (string)e!["message"]! == "金额不能为负数（-5.00）。");
        Assert.Equal(1, await DocumentCountAsync(_clerk, caseId)); // the case data only

        // The applicant must be among those checked (the 户主 of the 核查比对 is the case's).
        var withoutApplicant = Data();
        withoutApplicant["members"]!.AsArray().RemoveAt(0);
        foreach (var list in new[] { "incomes", "realEstate", "otherFindings" })
            withoutApplicant[list] = new JsonArray();
        (status, problem) = await PostAsync(caseId, PlainPdf(), withoutApplicant);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("没有本案申请人张三（110105********002X）", (string)problem["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task Another_county_s_case_is_not_found_and_another_role_is_refused()
    {
        var caseId = await CreateAsync(_clerk, Household());
        // 巴阳镇 is 云阳县's: 贵池区's 核对机构 does not see its cases; nor a township no county holds.
        var elsewhere = await CreateAsync(server.ClientFor(Role.Clerk, "巴阳镇"), Household());
        var (status, problem) = await PostAsync(elsewhere, PlainPdf(), Data());
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("未找到案件", (string)problem["title"]!);
        var nowhere = await CreateAsync(server.ClientFor(Role.Clerk, OtherTownship), Household());
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(nowhere, PlainPdf(), Data())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(caseId, PlainPdf(), Data(), server.VerifierFor("云阳县"))).Status);

        // A clerk may not post a result; the 核对机构 may not read the case.
        (status, problem) = await PostAsync(caseId, PlainPdf(), Data(), _clerk);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("此密钥的角色（办事员）无权执行此操作；允许的角色：核对机构", (string)problem["detail"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await _verifier.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(caseId, PlainPdf(), Data(), server.Client)).Status); // an integrator
        Assert.Null((await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["verification"]);
    }

    [Fact]
    public async Task A_sealed_case_s_result_goes_to_its_supplement_volume()
    {
        var caseId = await CreateAsync(_clerk, Household());
        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        var (status, body) = await PostAsync(caseId, PlainPdf(), Data());
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        var v2 = CaseKeys.VolumeId(caseId, 2);
        Assert.Equal(v2, (string)body["volume"]!);
        Assert.Equal(v2, (string)(await GetJsonAsync(_clerk, $"/api/cases/{caseId}"))["verification"]!["current"]!["volume"]!);
        Assert.True(await ChecklistHasAsync(_clerk, v2, "verification-result"));
        Assert.True((await Archive.GetManifestAsync(caseId)).Sealed);
    }
}
