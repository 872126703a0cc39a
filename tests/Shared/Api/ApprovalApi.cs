using System.Net;
using System.Text.Json.Nodes;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>Steps and materials of the online approval over HTTP, as the desks post them.</summary>
public static class ApprovalApi
{
    /// <summary>The materials the checklist asks of a one-person household whose member is the corpus card's holder, each with its hint.</summary>
    public static readonly string[] Materials = ["id-front", "id-back", "hukou-home", "hukou-member", "bank", "hardship", "application", "economic-check"];

    public static JsonObject Step(string kind, string date, string? outcome = null, params string[] staff) => new()
    {
        ["kind"] = kind, ["at"] = date + "T10:00:00+08:00", ["outcome"] = outcome,
        ["staff"] = new JsonArray([.. staff.Select(s => (JsonNode)JsonValue.Create(s)!)]),
    };

    public static async Task<(HttpStatusCode Status, JsonNode Body)> PostStepAsync(HttpClient client, string caseId, JsonObject step)
    {
        var response = await client.PostAsync($"/api/cases/{caseId}/events", Json(step));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public static async Task StepAsync(HttpClient client, string caseId, params JsonObject[] steps)
    {
        foreach (var step in steps)
        {
            var (status, body) = await PostStepAsync(client, caseId, step);
            Assert.True(status == HttpStatusCode.OK, $"{step["kind"]}: {(int)status} {body.ToJsonString()}");
        }
    }

    /// <summary>Uploads the corpus scan once per material, hinted, in one request: real OCR reads each file.</summary>
    public static async Task UploadMaterialsAsync(HttpClient clerk, string caseId, params string[] hints)
    {
        var list = hints.Length == 0 ? Materials : hints;
        var form = Scans([.. list.Select(h => ($"{h}.jpg", CorpusScan(), "image/jpeg"))]);
        foreach (var h in list) form.Add(new StringContent(h), "hint");
        var response = await clerk.PostAsync($"/api/cases/{caseId}/scans", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The county's 核对机构 files the case's 家庭经济状况核对 result (a stand-in report, the corpus card's holder checked):
    /// the checklist asks for it, and the county decides from the electronic file.
    /// </summary>
    public static async Task FileVerificationResultAsync(HttpClient verifier, string caseId)
    {
        var data = new JsonObject
        {
            ["checkedOn"] = "2024-03-05", ["conclusion"] = "未发现不动产、机动车和工商登记信息。",
            ["members"] = new JsonArray(new JsonObject { ["name"] = CorpusName, ["idNumber"] = CorpusIdNumber, ["relationship"] = "本人" }),
        };
        var report = new ByteArrayContent(PlainPdf());
        report.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var response = await verifier.PostAsync($"/api/cases/{caseId}/verification-results",
            new MultipartFormDataContent { { report, "pdf", "report.pdf" }, { Json(data), "data" } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Files the township's 审核结果 as a scan and returns its 件号, for the 初审意见 to name.</summary>
    public static async Task<int> UploadOpinionPaperAsync(HttpClient clerk, string caseId)
    {
        var filed = await UploadCorpusScanAsync(clerk, caseId, "other");
        return (int)filed["documents"]!["original"]!;
    }

    /// <summary>受理 → 核对授权 → 入户调查 → 初审意见 (naming the opinion paper) → 公示, by <paramref name="clerk"/>, from 2024-03-04.</summary>
    public static async Task ThroughPublicityAsync(HttpClient clerk, string caseId, int opinionPaper)
    {
        var opinion = Step("初审意见", "2024-03-06", "批准");
        opinion["documents"] = new JsonArray(opinionPaper);
        await StepAsync(clerk, caseId, Step("受理", "2024-03-04"), Step("核对授权", "2024-03-04"), Step("入户调查", "2024-03-05", staff: "李四"),
            opinion, Step("公示", "2024-03-07"));
    }
}
