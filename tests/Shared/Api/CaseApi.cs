using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace FormArchive.Tests.Api;

/// <summary>Small helpers for the case endpoint tests.</summary>
internal static class CaseApi
{
    public const string Township = "秋浦街道";
    public const string OtherTownship = "梅龙镇";
    /// <summary>Person on the corpus scan scan-0000.jpg (invented): an ID card front.</summary>
    public const string CorpusName = "孙明红";
    public const string CorpusIdNumber = "370202194004297733";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static JsonObject NewCase(string? fileNumber = null) => new()
    {
        ["fileNumber"] = fileNumber ?? "T-" + Guid.NewGuid().ToString("N")[..10],
        ["applicant"] = new JsonObject { ["name"] = CorpusName, ["idNumber"] = CorpusIdNumber },
        ["village"] = "杏花村",
        ["categories"] = new JsonArray("低保"),
        ["members"] = new JsonArray(new JsonObject { ["name"] = CorpusName, ["idNumber"] = CorpusIdNumber }),
    };

    public static async Task<string> CreateAsync(HttpClient clerk, JsonObject? data = null)
    {
        var response = await clerk.PostAsync("/api/cases", Json(data ?? NewCase()));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return (string)JsonNode.Parse(body)!["caseId"]!;
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<int> DocumentCountAsync(HttpClient client, string caseId) =>
        (await GetJsonAsync(client, $"/api/cases/{caseId}"))["directory"]!.AsArray().Count;

    /// <summary>Uploads the corpus scan (an ID card front) with a hint; returns the filed file's report (documents, pages).</summary>
    public static async Task<JsonNode> UploadCorpusScanAsync(HttpClient clerk, string caseId, string hint = "id-front")
    {
        var form = Scans(("scan-0000.jpg", CorpusScan(), "image/jpeg"));
        form.Add(new StringContent(hint), "hint");
        var response = await clerk.PostAsync($"/api/cases/{caseId}/scans", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["files"]!.AsArray().Single()!;
    }

    /// <summary>Whether the checklist item with this code (and member, for per-member items) is present.</summary>
    public static async Task<bool> ChecklistHasAsync(HttpClient client, string caseId, string code, string? member = null) =>
        (bool)(await GetJsonAsync(client, $"/api/cases/{caseId}/checklist"))["items"]!.AsArray()
            .Single(i => (string)i!["code"]! == code && (member is null || (string?)i["member"] == member))!["present"]!;

    public static MultipartFormDataContent Scans(params (string FileName, byte[] Content, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content, type) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "files", name);
        }
        return form;
    }

    public static byte[] CorpusScan(string name = "scan-0000.jpg") => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", name));

    /// <summary>A one-page PDF that runs JavaScript when opened.</summary>
    public static byte[] PdfWithJavaScript() => Pdf("/OpenAction 4 0 R", "<< /S /JavaScript /JS (app.alert\\('hi'\\);) >>");

    /// <summary>A one-page PDF with nothing active in it; <paramref name="title"/> (ASCII) tells two of them apart.</summary>
    public static byte[] PlainPdf(string title = "report") => Pdf($"/Lang ({title})");

    private static byte[] Pdf(string catalogExtra, params string[] more)
    {
        string[] objects =
        [
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            .. more,
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(sb.ToString()));
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        int xref = Encoding.Latin1.GetByteCount(sb.ToString());
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append($"{o:D10} 00000 n \n");
        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(sb.ToString());
    }
}
