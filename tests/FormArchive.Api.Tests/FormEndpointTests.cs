using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormArchive.Tests.Forms;
using UglyToad.PdfPig;

namespace FormArchive.Tests.Api;

public class FormEndpointTests(ApiServer server) : IClassFixture<ApiServer>
{
    private HttpClient Client => server.Client;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Lists_forms_and_serves_each_schema()
    {
        var forms = JsonNode.Parse(await Client.GetStringAsync("/api/forms"))!.AsArray();
        Assert.Contains(forms, f => (string?)f!["id"] == "chizhou.review-form");
        var schema = await Client.GetAsync("/api/forms/chizhou.review-form/schema");
        Assert.Equal(HttpStatusCode.OK, schema.StatusCode);
        Assert.Equal("application/schema+json", schema.Content.Headers.ContentType!.MediaType);
        var served = await schema.Content.ReadAsStringAsync();
        Assert.NotNull(JsonNode.Parse(served)!["properties"]);
        // Self-contained: "../case.schema.json" cannot be resolved by a client that fetched this over HTTP.
        Assert.DoesNotContain("case.schema.json#", served);
        Assert.NotNull(JsonNode.Parse(served)!["definitions"]!["member"]);
    }

    [Fact]
    public async Task Renders_pdf_with_a_chinese_file_name()
    {
        var response = await Client.PostAsync("/api/forms/chizhou.review-form/render?format=pdf", Json(FormsFixture.Sample("case.json")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("池州市低收入人口审核确认表.pdf", disposition.FileNameStar);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.NumberOfPages >= 1);
    }

    [Fact]
    public async Task Renders_docx_and_blank_forms()
    {
        var response = await Client.PostAsync("/api/forms/chizhou.acceptance-notice/render?format=docx", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task Schema_errors_are_problem_details_naming_the_json_path()
    {
        var data = JsonNode.Parse(FormsFixture.Sample("case.json"))!;
        data["applicant"]!["id_number"] = "not an id";
        var response = await Client.PostAsync("/api/forms/chizhou.review-form/render", Json(data.ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Contains(problem["errors"]!.AsArray(), e => ((string)e!["path"]!).Contains("applicant.id_number"));
    }

    [Fact]
    public async Task Malformed_json_wrong_type_unknown_form_and_oversize_are_clear_problems()
    {
        var malformed = await Client.PostAsync("/api/forms/chizhou.review-form/render", Json("{\"applicant\": "));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var wrongType = await Client.PostAsync("/api/forms/chizhou.review-form/render", new StringContent("a,b", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);

        var unknown = await Client.PostAsync("/api/forms/chizhou.nothing/render", Json("{}"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);

        var huge = await Client.PostAsync("/api/forms/chizhou.review-form/render", Json("{\"x\":\"" + new string('a', 2 << 20) + "\"}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        // In Chinese, like the schema errors the same clerk reads.
        var tooLarge = System.Text.Json.Nodes.JsonNode.Parse(await huge.Content.ReadAsStringAsync())!;
        Assert.Equal("案件数据过大", (string)tooLarge["title"]!);
        Assert.Contains("字节", (string)tooLarge["detail"]!);

        var format = await Client.PostAsync("/api/forms/chizhou.review-form/render?format=odt", Json("{}"));
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
    }
}
