using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using FormArchive.Api.Forms;
using FormArchive.Tests.Docx;
using FormArchive.Tests.Forms;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Api;

/// <summary>Several forms at once as a ZIP: POST /api/forms/render?format=zip, and format=zip on one form's route.</summary>
public class FormBundleTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string AcceptanceNotice = "池州市低收入人口申请受理告知书";
    private const string ReviewPublicity = "池州市低收入人口审核公示单";
    private const string ReviewForm = "池州市低收入人口审核确认表";
    /// <summary>Applicant in samples/case.json.</summary>
    private const string CaseApplicant = "汪德顺";
    /// <summary>First family in samples/publicity-review.json.</summary>
    private const string PublicityFamily = "周桂芳";

    private static JsonNode Sample(string name) => JsonNode.Parse(FormsFixture.Sample(name))!;

    private Task<HttpResponseMessage> PostBundle(JsonNode body, string query = "?format=zip") =>
        server.Client.PostAsync("/api/forms/render" + query, CaseApi.Json(body.ToJsonString()));

    [Fact]
    public async Task Renders_three_forms_into_one_zip_in_request_order()
    {
        var body = new JsonObject
        {
            ["forms"] = new JsonArray("chizhou.acceptance-notice", new JsonObject { ["id"] = "chizhou.review-publicity", ["data"] = Sample("publicity-review.json") }, "chizhou.review-form"),
            ["data"] = Sample("case.json"),
        };
        var response = await PostBundle(body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(FormZip.BundleFileName, response.Content.Headers.ContentDisposition!.FileNameStar);

        var entries = await ReadZipAsync(response);
        Assert.Equal([$"01-{AcceptanceNotice}.pdf", $"02-{ReviewPublicity}.pdf", $"03-{ReviewForm}.pdf"], entries.Keys);
        (string Title, string Name)[] expected = [(AcceptanceNotice, CaseApplicant), (ReviewPublicity, PublicityFamily), (ReviewForm, CaseApplicant)];
        foreach (var ((title, name), pdf) in expected.Zip(entries.Values))
        {
            var text = PdfWords(pdf);
            Assert.Contains(title, text);
            Assert.Contains(name, text);
        }
    }

    [Fact]
    public async Task Documents_both_gives_each_form_as_pdf_and_valid_docx_and_repeats_do_not_collide()
    {
        var body = new JsonObject
        {
            ["forms"] = new JsonArray("chizhou.acceptance-notice", "chizhou.acceptance-notice"),
            ["data"] = Sample("case.json"),
            ["documents"] = "both",
        };
        var entries = await ReadZipAsync(await PostBundle(body));
        Assert.Equal([$"01-{AcceptanceNotice}.pdf", $"01-{AcceptanceNotice}.docx", $"02-{AcceptanceNotice}.pdf", $"02-{AcceptanceNotice}.docx"], entries.Keys);
        foreach (var (name, bytes) in entries.Where(e => e.Key.EndsWith(".docx")))
            Assert.Contains(CaseApplicant, ValidDocxText(name, bytes));
        Assert.Contains(CaseApplicant, PdfWords(entries[$"02-{AcceptanceNotice}.pdf"]));
    }

    /// <summary>The README's bundle example posts samples/bundle-request.json as it is.</summary>
    [Fact]
    public async Task The_README_sample_bundle_request_renders_each_form_as_pdf_and_docx()
    {
        const string pledge = "池州市低收入人口申请及诚信承诺书";
        var entries = await ReadZipAsync(await PostBundle(Sample("bundle-request.json")));
        Assert.Equal([$"01-{AcceptanceNotice}.pdf", $"01-{AcceptanceNotice}.docx", $"02-{ReviewPublicity}.pdf", $"02-{ReviewPublicity}.docx",
            $"03-{pledge}.pdf", $"03-{pledge}.docx"], entries.Keys);
        Assert.Contains(CaseApplicant, PdfWords(entries[$"01-{AcceptanceNotice}.pdf"]));
        Assert.Contains(PublicityFamily, PdfWords(entries[$"02-{ReviewPublicity}.pdf"]));
        Assert.DoesNotContain(CaseApplicant, PdfWords(entries[$"03-{pledge}.pdf"])); // "data": null prints it blank
        foreach (var (name, bytes) in entries.Where(e => e.Key.EndsWith(".docx")))
            ValidDocxText(name, bytes);
    }

    [Fact]
    public async Task Single_form_route_with_format_zip_gives_its_pdf_and_docx()
    {
        var response = await server.Client.PostAsync("/api/forms/chizhou.review-form/render?format=zip", CaseApi.Json(FormsFixture.Sample("case.json")));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{ReviewForm}.zip", response.Content.Headers.ContentDisposition!.FileNameStar);

        var entries = await ReadZipAsync(response);
        Assert.Equal([$"01-{ReviewForm}.pdf", $"01-{ReviewForm}.docx"], entries.Keys);
        Assert.Contains(CaseApplicant, PdfWords(entries[$"01-{ReviewForm}.pdf"]));
        Assert.Contains(CaseApplicant, ValidDocxText($"01-{ReviewForm}.docx", entries[$"01-{ReviewForm}.docx"]));
    }

    [Fact]
    public async Task A_schema_error_in_the_second_form_is_a_400_naming_the_form_and_the_path_in_the_body()
    {
        var bad = Sample("case.json");
        bad["applicant"]!["id_number"] = "12345";
        var body = new JsonObject
        {
            ["forms"] = new JsonArray("chizhou.acceptance-notice", new JsonObject { ["id"] = "chizhou.review-form", ["data"] = bad }),
            ["data"] = Sample("case.json"),
        };
        var problem = await ProblemAsync(await PostBundle(body), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsArray();
        Assert.Contains(errors, e => (string)e!["formId"]! == "chizhou.review-form" && (string)e["path"]! == "$.forms[1].data.applicant.id_number");
        Assert.All(errors, e => Assert.StartsWith("$.forms[1].data", (string)e!["path"]!)); // the shared data is fine

        // The shared data, wrong for every form that uses it: one error per form, each at $.data.
        body["data"] = bad.DeepClone();
        body["forms"] = new JsonArray("chizhou.acceptance-notice", "chizhou.review-form");
        var shared = (await ProblemAsync(await PostBundle(body), HttpStatusCode.BadRequest))["errors"]!.AsArray();
        Assert.Contains(shared, e => (string)e!["formId"]! == "chizhou.review-form" && (string)e["path"]! == "$.data.applicant.id_number");
        Assert.Contains(shared, e => (string)e!["formId"]! == "chizhou.acceptance-notice" && (string)e["path"]! == "$.data.applicant.id_number");
    }

    [Fact]
    public async Task Unknown_form_is_a_404_naming_it()
    {
        var body = new JsonObject { ["forms"] = new JsonArray("chizhou.acceptance-notice", "chizhou.no-such-form") };
        var problem = await ProblemAsync(await PostBundle(body), HttpStatusCode.NotFound);
        Assert.Equal("chizhou.no-such-form", (string)problem["formId"]!);
        Assert.Equal("$.forms[1]", (string)problem["path"]!);
        Assert.Contains("chizhou.no-such-form", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Needs_a_key_and_a_known_format()
    {
        var body = new JsonObject { ["forms"] = new JsonArray("chizhou.acceptance-notice") };
        var anonymous = await server.ClientWithKey(null).PostAsync("/api/forms/render?format=zip", CaseApi.Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var archivist = await server.ClientFor(FormArchive.Archive.Access.Role.Archivist).PostAsync("/api/forms/render?format=zip", CaseApi.Json(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.Forbidden, archivist.StatusCode);

        Assert.Contains("zip", (string)(await ProblemAsync(await PostBundle(body, "?format=pdf"), HttpStatusCode.BadRequest))["detail"]!);
        var single = await server.Client.PostAsync("/api/forms/chizhou.acceptance-notice/render?format=rar", CaseApi.Json("{}"));
        Assert.Equal("format 应为 pdf、docx 或 zip，而不是“rar”。", (string)(await ProblemAsync(single, HttpStatusCode.BadRequest))["detail"]!);

        // Without format= the bundle route still answers with its one format.
        Assert.Equal([$"01-{AcceptanceNotice}.pdf"], (await ReadZipAsync(await PostBundle(body, ""))).Keys);
    }

    [Fact]
    public async Task Empty_too_long_malformed_mistyped_and_oversize_requests_are_problems()
    {
        async Task<string> BadPath(JsonNode body) => (string)(await ProblemAsync(await PostBundle(body), HttpStatusCode.BadRequest))["errors"]![0]!["path"]!;

        Assert.Equal("$.forms", await BadPath(new JsonObject { ["forms"] = new JsonArray() }));
        Assert.Equal("$.forms", await BadPath(new JsonObject()));
        var tooMany = new JsonArray(Enumerable.Range(0, FormBundleRequest.MaxForms + 1).Select(_ => (JsonNode?)"chizhou.acceptance-notice").ToArray());
        Assert.Equal("$.forms", await BadPath(new JsonObject { ["forms"] = tooMany }));
        Assert.Equal("$.forms[0]", await BadPath(new JsonObject { ["forms"] = new JsonArray(42) }));
        Assert.Equal("$.forms[0].id", await BadPath(new JsonObject { ["forms"] = new JsonArray(new JsonObject { ["data"] = new JsonObject() }) }));
        Assert.Equal("$.forms[0].name", await BadPath(new JsonObject { ["forms"] = new JsonArray(new JsonObject { ["id"] = "chizhou.acceptance-notice", ["name"] = "x" }) }));
        Assert.Equal("$.documents", await BadPath(new JsonObject { ["forms"] = new JsonArray("chizhou.acceptance-notice"), ["documents"] = "odt" }));
        // A misspelt property is refused rather than quietly ignored.
        Assert.StartsWith("$", await BadPath(new JsonObject { ["forms"] = new JsonArray("chizhou.acceptance-notice"), ["document"] = "docx" }));

        var malformed = await server.Client.PostAsync("/api/forms/render?format=zip", CaseApi.Json("{\"forms\": ["));
        await ProblemAsync(malformed, HttpStatusCode.BadRequest);
        var csv = await server.Client.PostAsync("/api/forms/render?format=zip", new StringContent("a,b", Encoding.UTF8, "text/csv"));
        await ProblemAsync(csv, HttpStatusCode.UnsupportedMediaType);
        var huge = await server.Client.PostAsync("/api/forms/render?format=zip",
            CaseApi.Json("{\"forms\":[\"chizhou.acceptance-notice\"],\"data\":{\"x\":\"" + new string('a', FormArchive.Api.Endpoints.FormBundleEndpoint.MaxBodyBytes) + "\"}}"));
        await ProblemAsync(huge, HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>The problem document of a failed request, after checking that no ZIP came instead.</summary>
    private static Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status) => ProblemAssert.ChineseAsync(response, status);

    /// <summary>
    /// The entries of the ZIP response, in archive order. The archive is opened a second time with Latin-1 as the
    /// name encoding: a reader uses that only for entries without the UTF-8 flag, so equal names prove the flag is set.
    /// </summary>
    private static async Task<Dictionary<string, byte[]>> ReadZipAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(entries.TryAdd(entry.FullName, copy.ToArray()), $"two entries named {entry.FullName}");
        }
        using var latin1 = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read, leaveOpen: false, Encoding.Latin1);
        Assert.Equal(entries.Keys, latin1.Entries.Select(e => e.FullName));
        return entries;
    }

    private static string PdfWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// <summary>The text of a DOCX that the Open XML SDK's OpenXmlValidator accepts with no errors.</summary>
    private static string ValidDocxText(string name, byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = OpenedDocx.Validate(document, DocumentFormat.OpenXml.FileFormatVersions.Microsoft365);
        Assert.True(errors.Length == 0, $"{name}: {errors}");
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
