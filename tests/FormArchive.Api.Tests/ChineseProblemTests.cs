using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FormArchive.Api.Endpoints;
using FormArchive.Api.Http;
using FormArchive.Archive.Access;
using FormArchive.Tests.Forms;
using Microsoft.AspNetCore.Http;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>
/// Every kind of problem the service answers reads in Chinese for the township clerk and the archivist: the status,
/// application/problem+json, a Chinese title and detail (<see cref="ProblemAssert"/>), the JSON path or id the
/// detail names, and none of the English the service (or System.Text.Json) used to answer.
/// </summary>
public class ChineseProblemTests(ApiServer server) : IClassFixture<ApiServer>
{
    private readonly HttpClient _clerk = server.ClientFor(Role.Clerk, Township);
    private readonly HttpClient _archivist = server.ClientFor(Role.Archivist);

    [Fact]
    public void The_assertion_tells_chinese_from_english()
    {
        Assert.True(ProblemAssert.IsChinese("未找到表单"));
        Assert.True(ProblemAssert.IsChinese("$.forms[1]：没有编号为“chizhou.x”的表单。"));
        Assert.True(ProblemAssert.IsChinese("请以 application/json 发送请求。"));
        Assert.False(ProblemAssert.IsChinese("Form not found"));
        Assert.False(ProblemAssert.IsChinese("没有 id 为“x”的表单（form not found）。"));
        Assert.False(ProblemAssert.IsChinese("$.limit：The JSON value could not be converted to System.Int32."));
    }

    [Fact]
    public async Task An_unknown_form_is_404_未找到表单_alone_and_in_a_bundle()
    {
        var one = await ProblemAssert.ChineseAsync(await server.Client.GetAsync("/api/forms/chizhou.no-such-form"), HttpStatusCode.NotFound);
        Assert.Equal("未找到表单", (string)one["title"]!);
        Assert.Contains("“chizhou.no-such-form”", (string)one["detail"]!);

        var body = new JsonObject { ["forms"] = new JsonArray("chizhou.acceptance-notice", "chizhou.no-such-form") };
        var bundle = await ProblemAssert.ChineseAsync(await server.Client.PostAsync("/api/forms/render?format=zip", Json(body)), HttpStatusCode.NotFound);
        Assert.Equal("未找到表单", (string)bundle["title"]!);
        Assert.Equal("$.forms[1]：没有编号为“chizhou.no-such-form”的表单。", (string)bundle["detail"]!);
        Assert.Equal("$.forms[1]", (string)bundle["path"]!); // the extension members stay
        Assert.Equal("chizhou.no-such-form", (string)bundle["formId"]!);
    }

    [Fact]
    public async Task Case_data_a_form_refuses_is_400_案件数据有误_naming_the_path()
    {
        var bad = JsonNode.Parse(FormsFixture.Sample("case.json"))!;
        bad["applicant"]!["id_number"] = "12345";
        var one = await ProblemAssert.ChineseAsync(await server.Client.PostAsync("/api/forms/chizhou.review-form/render", Json(bad)), HttpStatusCode.BadRequest);
        Assert.Equal("案件数据有误", (string)one["title"]!);
        Assert.StartsWith("表单 chizhou.review-form 的数据有", (string)one["detail"]!);
        Assert.Contains("$.applicant.id_number", (string)one["detail"]!);
        Assert.DoesNotContain("problem(s)", (string)one["detail"]!);

        var body = new JsonObject { ["forms"] = new JsonArray("chizhou.review-form"), ["data"] = bad.DeepClone() };
        var bundle = await ProblemAssert.ChineseAsync(await server.Client.PostAsync("/api/forms/render?format=zip", Json(body)), HttpStatusCode.BadRequest);
        Assert.Equal("案件数据有误", (string)bundle["title"]!);
        Assert.Contains("（表单 chizhou.review-form）$.data.applicant.id_number：", (string)bundle["detail"]!);
    }

    [Fact]
    public async Task An_unknown_format_is_400_不支持的格式()
    {
        var caseId = await CreateAsync(_clerk);
        var answers = new[]
        {
            await server.Client.PostAsync("/api/forms/chizhou.acceptance-notice/render?format=odt", null),
            await server.Client.PostAsync("/api/forms/render?format=pdf", Json(new JsonObject { ["forms"] = new JsonArray("chizhou.acceptance-notice") })),
            await _archivist.GetAsync($"/api/cases/{caseId}/verify?format=xml"),
        };
        foreach (var answer in answers)
        {
            var problem = await ProblemAssert.ChineseAsync(answer, HttpStatusCode.BadRequest);
            Assert.Equal("不支持的格式", (string)problem["title"]!);
            Assert.Contains("format", (string)problem["detail"]!);
        }
    }

    [Fact]
    public async Task Malformed_json_is_400_请求体不是有效的_json_saying_where_not_what_the_parser_said()
    {
        var response = await _clerk.PostAsync("/api/cases/search", Json("{\n  \"limit\": 5,\n  \"query\": tru\n}"));
        var problem = await ProblemAssert.ChineseAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("请求体不是有效的 JSON", (string)problem["title"]!);
        var detail = (string)problem["detail"]!;
        Assert.Matches(@"^\$\.query：不是有效的 JSON（第 3 行第 \d+ 个字节处）$", detail);
        Assert.DoesNotContain("invalid", detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("LineNumber", detail);
        Assert.Equal("$.query", (string)problem["errors"]![0]!["path"]!);

        // Cut short: the end of the text is where it went wrong.
        var cut = await ProblemAssert.ChineseAsync(await _clerk.PostAsync("/api/cases/search", Json("{\"limit\": ")), HttpStatusCode.BadRequest);
        Assert.Equal("请求体不是有效的 JSON", (string)cut["title"]!);
        Assert.Contains("第 1 行第 11 个字节处", (string)cut["detail"]!);
    }

    [Fact]
    public async Task Well_formed_json_of_the_wrong_type_is_400_naming_the_path_in_chinese()
    {
        var problem = await ProblemAssert.ChineseAsync(await _clerk.PostAsync("/api/cases/search", Json("{\"limit\": \"many\"}")), HttpStatusCode.BadRequest);
        Assert.Equal("JSON 有误", (string)problem["title"]!);
        Assert.StartsWith("$.limit：", (string)problem["detail"]!);
        Assert.Contains("第 1 行", (string)problem["detail"]!);
        Assert.DoesNotContain("could not be converted", problem.ToJsonString());

        // Our own refusals of a well-formed body (the bundle's form list) were English too.
        var empty = await ProblemAssert.ChineseAsync(await server.Client.PostAsync("/api/forms/render?format=zip", Json("{\"forms\": []}")), HttpStatusCode.BadRequest);
        Assert.Equal("$.forms：请至少列出一个表单编号", (string)empty["detail"]!);
        var stray = await ProblemAssert.ChineseAsync(await server.Client.PostAsync("/api/forms/render?format=zip",
            Json("{\"forms\": [{\"id\": \"chizhou.acceptance-notice\", \"name\": \"x\"}]}")), HttpStatusCode.BadRequest);
        Assert.Equal("$.forms[0].name：多余的属性“name”（表单只有 id 和 data）", (string)stray["detail"]!);
    }

    [Fact]
    public async Task An_unknown_case_is_404_未找到案件_and_an_id_number_asked_for_is_masked()
    {
        var problem = await ProblemAssert.ChineseAsync(await _clerk.GetAsync("/api/cases/NO-SUCH-CASE"), HttpStatusCode.NotFound);
        Assert.Equal("未找到案件", (string)problem["title"]!);
        Assert.Equal("没有编号为 NO-SUCH-CASE 的案件。", (string)problem["detail"]!);

        var response = await _clerk.GetAsync($"/api/cases/{CorpusIdNumber}");
        var body = await response.Content.ReadAsStringAsync();
        var masked = await ProblemAssert.ChineseAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain(CorpusIdNumber, body);
        Assert.Equal("没有编号为 370202********7733 的案件。", (string)masked["detail"]!);

        // Another township's case: the same words as a missing one.
        var caseId = await CreateAsync(_clerk);
        var other = await ProblemAssert.ChineseAsync(await server.ClientFor(Role.Clerk, OtherTownship).GetAsync($"/api/cases/{caseId}"), HttpStatusCode.NotFound);
        Assert.Equal($"没有编号为 {caseId} 的案件。", (string)other["detail"]!);
    }

    [Fact]
    public async Task Documents_pages_and_versions_a_case_lacks_are_404_in_chinese()
    {
        var caseId = await CreateAsync(_clerk);
        var document = await ProblemAssert.ChineseAsync(await _clerk.GetAsync($"/api/cases/{caseId}/documents/99"), HttpStatusCode.NotFound);
        Assert.Equal("未找到文件", (string)document["title"]!);
        Assert.Equal($"案件 {caseId} 没有件号为 99 的文件。", (string)document["detail"]!);

        var thumbnail = await ProblemAssert.ChineseAsync(await _clerk.GetAsync($"/api/cases/{caseId}/documents/99/pages/1/thumbnail"), HttpStatusCode.NotFound);
        Assert.Equal("未找到文件", (string)thumbnail["title"]!);
        // Document 1 is the case data (JSON), not a PDF.
        var notPdf = await ProblemAssert.ChineseAsync(await _clerk.GetAsync($"/api/cases/{caseId}/documents/1/pages/1/thumbnail"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("不是 PDF 文件", (string)notPdf["title"]!);

        var version = await ProblemAssert.ChineseAsync(await _clerk.GetAsync($"/api/cases/{caseId}/record/versions/9"), HttpStatusCode.NotFound);
        Assert.Equal("没有这一版", (string)version["title"]!);
    }

    [Fact]
    public async Task Corrections_that_do_not_fit_are_400_or_404_naming_the_field_in_chinese()
    {
        var caseId = await CreateAsync(_clerk);
        var url = $"/api/cases/{caseId}/pages/corrections";
        var missing = await ProblemAssert.ChineseAsync(await _clerk.PostAsync(url, Json("{}")), HttpStatusCode.BadRequest);
        Assert.Equal("更正有误", (string)missing["title"]!);
        Assert.Equal("$.document：请给出扫描件的识别结果或可检索 PDF 的件号", (string)missing["detail"]!);
        Assert.Equal("$.document", (string)missing["errors"]![0]!["path"]!);

        var absent = await ProblemAssert.ChineseAsync(await _clerk.PostAsync(url, Json("{\"document\": 99, \"page\": 1}")), HttpStatusCode.NotFound);
        Assert.Equal("未找到要更正的内容", (string)absent["title"]!);
        Assert.Equal($"$.document：案件 {caseId} 没有件号为 99 的文件", (string)absent["detail"]!);
    }

    [Fact]
    public async Task Conflicts_with_the_cases_state_are_409_in_chinese()
    {
        var caseId = await CreateAsync(_clerk);
        var notSealed = await ProblemAssert.ChineseAsync(await _archivist.GetAsync($"/api/cases/{caseId}/export"), HttpStatusCode.Conflict);
        Assert.Equal("案件尚未封存", (string)notSealed["title"]!);
        var open = await ProblemAssert.ChineseAsync(await _clerk.PostAsync($"/api/cases/{caseId}/supplement-volume", null), HttpStatusCode.Conflict);
        Assert.Equal("案件尚未封存", (string)open["title"]!);
        var noData = await ProblemAssert.ChineseAsync(await _clerk.PostAsync($"/api/cases/{caseId}/record/print/chizhou.review-form", null), HttpStatusCode.Conflict);
        Assert.Equal("尚未保存案件数据", (string)noData["title"]!);

        Assert.Equal(HttpStatusCode.OK, (await _clerk.PostAsync($"/api/cases/{caseId}/seal", null)).StatusCode);
        var sealedCase = await ProblemAssert.ChineseAsync(await _clerk.PutAsync($"/api/cases/{caseId}/record", Json("{}")), HttpStatusCode.Conflict);
        Assert.Equal("案件已封存", (string)sealedCase["title"]!);
        Assert.Equal($"案件 {caseId} 已封存，不能再更改；更正请归入补充卷。", (string)sealedCase["detail"]!);
        Assert.Equal(caseId, (string)sealedCase["caseId"]!);
    }

    [Fact]
    public async Task Scan_uploads_that_are_not_multipart_or_carry_no_file_are_refused_in_chinese()
    {
        var caseId = await CreateAsync(_clerk);
        var notMultipart = await ProblemAssert.ChineseAsync(
            await _clerk.PostAsync($"/api/cases/{caseId}/scans", new StringContent("scan", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("不支持的媒体类型", (string)notMultipart["title"]!);
        Assert.Contains("multipart/form-data", (string)notMultipart["detail"]!);

        using var form = new MultipartFormDataContent { { new StringContent("id-front"), "hint" } };
        var noFile = await ProblemAssert.ChineseAsync(await _clerk.PostAsync($"/api/cases/{caseId}/scans", form), HttpStatusCode.BadRequest);
        Assert.Equal("没有扫描件", (string)noFile["title"]!);
    }

    [Fact]
    public async Task Key_administration_refusals_are_in_chinese()
    {
        var admin = server.ClientFor(Role.Admin);
        var role = await ProblemAssert.ChineseAsync(await admin.PostAsync("/api/keys", Json("{\"name\": \"x\", \"role\": \"boss\"}")), HttpStatusCode.BadRequest);
        Assert.Equal("未知的角色", (string)role["title"]!);
        Assert.Contains("“boss”", (string)role["detail"]!);
        var nameless = await ProblemAssert.ChineseAsync(await admin.PostAsync("/api/keys", Json("{\"name\": \" \", \"role\": \"clerk\"}")), HttpStatusCode.BadRequest);
        Assert.Equal("密钥信息有误", (string)nameless["title"]!);
        var unknown = await ProblemAssert.ChineseAsync(await admin.DeleteAsync("/api/keys/no-such-key"), HttpStatusCode.NotFound);
        Assert.Equal("未找到密钥", (string)unknown["title"]!);
    }

    [Fact]
    public async Task The_frameworks_own_problems_an_unknown_route_and_a_wrong_method_are_in_chinese()
    {
        var route = await ProblemAssert.ChineseAsync(await _clerk.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        Assert.Equal("未找到", (string)route["title"]!);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", (string)route["type"]!); // the type stays the framework's

        var method = await ProblemAssert.ChineseAsync(await _clerk.DeleteAsync("/api/forms"), HttpStatusCode.MethodNotAllowed);
        Assert.Equal("不支持此请求方法", (string)method["title"]!);

        // A query parameter that does not bind: the framework's bare 400, given a Chinese title and detail.
        var caseId = await CreateAsync(_clerk);
        var binding = await ProblemAssert.ChineseAsync(await _clerk.GetAsync($"/api/cases/{caseId}/record/changes?from=abc"), HttpStatusCode.BadRequest);
        Assert.Equal("请求有误", (string)binding["title"]!);
    }

    [Fact]
    public void Kestrels_refusals_of_a_body_are_in_chinese()
    {
        var tooLarge = Problems.FromBadRequest(new BadHttpRequestException("Request body too large. The max request body size is 30000000 bytes.", StatusCodes.Status413PayloadTooLarge));
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, tooLarge.StatusCode);
        Assert.Equal("请求过大", tooLarge.ProblemDetails.Title);
        Assert.True(ProblemAssert.IsChinese(tooLarge.ProblemDetails.Detail!), tooLarge.ProblemDetails.Detail);
        var slow = Problems.FromBadRequest(new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.", StatusCodes.Status408RequestTimeout));
        Assert.Equal("请求体传送过慢", slow.ProblemDetails.Title);
        var other = Problems.FromBadRequest(new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest));
        Assert.Equal("请求有误", other.ProblemDetails.Title);
        Assert.True(ProblemAssert.IsChinese(other.ProblemDetails.Detail!), other.ProblemDetails.Detail);
    }
}
