using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FormArchive.Api.Endpoints;
using FormArchive.Api.Http;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>
/// The one JSON-body filter: every endpoint that takes JSON refuses another content type (415), a body over its
/// limit (413) and malformed JSON (400) with the same RFC 7807 problems in Chinese, and files nothing.
/// </summary>
public class JsonBodyFilterTests(ApiServer server) : IClassFixture<ApiServer>
{
    private static Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string what) => ProblemAssert.ChineseAsync(response, status, what);

    [Fact]
    public async Task Every_json_endpoint_refuses_another_type_an_oversize_body_and_malformed_json_alike()
    {
        var clerk = server.ClientFor(Role.Clerk, Township);
        var admin = server.ClientFor(Role.Admin);
        var caseId = await CreateAsync(clerk);
        var documents = await DocumentCountAsync(clerk, caseId);
        (HttpClient Client, HttpMethod Method, string Path)[] endpoints =
        [
            (clerk, HttpMethod.Post, "/api/cases"),
            (clerk, HttpMethod.Post, "/api/cases/search"),
            (clerk, HttpMethod.Post, $"/api/cases/{caseId}/events"),
            (clerk, HttpMethod.Post, $"/api/cases/{caseId}/pages/corrections"),
            (clerk, HttpMethod.Put, $"/api/cases/{caseId}/record"),
            (clerk, HttpMethod.Post, $"/api/cases/{caseId}/forms/chizhou.review-form"),
            (clerk, HttpMethod.Post, "/api/forms/chizhou.review-form/render"),
            (clerk, HttpMethod.Post, "/api/forms/render?format=zip"),
            (admin, HttpMethod.Post, "/api/keys"),
        ];
        var oversize = "{\"x\":\"" + new string('a', 5 << 20) + "\"}";
        foreach (var (client, method, path) in endpoints)
        {
            var csv = await client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent("a,b", Encoding.UTF8, "text/csv") });
            var notJson = await ProblemAsync(csv, HttpStatusCode.UnsupportedMediaType, $"{method} {path} csv");
            Assert.Equal("不支持的媒体类型", (string)notJson["title"]!);
            Assert.Contains("application/json", (string)notJson["detail"]!);

            var huge = await ProblemAsync(await client.SendAsync(new HttpRequestMessage(method, path) { Content = Json(oversize) }),
                HttpStatusCode.RequestEntityTooLarge, $"{method} {path} oversize");
            Assert.EndsWith("过大", (string)huge["title"]!);
            Assert.Contains("字节", (string)huge["detail"]!);

            var malformed = await ProblemAsync(await client.SendAsync(new HttpRequestMessage(method, path) { Content = Json("{\"applicant\" 1}") }),
                HttpStatusCode.BadRequest, $"{method} {path} malformed");
            Assert.True((string)malformed["title"]! == "请求体不是有效的 JSON", $"{method} {path}: {malformed.ToJsonString()}");
            Assert.StartsWith("$", (string)malformed["errors"]![0]!["path"]!);
        }
        Assert.Equal(documents, await DocumentCountAsync(clerk, caseId));

        // A refused body of a case request is audited, naming who sent it.
        var audit = (await GetJsonAsync(admin, $"/api/audit?caseId={caseId}")).AsArray();
        var refused = audit.Where(e => (string)e!["action"]! == "case.event").Select(e => (int)e!["status"]!).Order().ToList();
        Assert.Equal([400, 413, 415], refused);
        Assert.All(audit.Where(e => (string)e!["action"]! == "case.event"), e => Assert.StartsWith("test Clerk", (string)e!["actor"]!));
    }

    [Fact]
    public async Task Optional_bodies_stay_optional_and_a_typed_body_names_the_mistyped_path()
    {
        // A blank form: no body at all.
        var blank = await server.Client.PostAsync("/api/forms/chizhou.acceptance-notice/render", null);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        // A body sent without a length (chunked) and without a type is still refused once it turns out not to be empty.
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("a,b")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/forms/chizhou.acceptance-notice/render") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await ProblemAsync(await server.Client.SendAsync(request), HttpStatusCode.UnsupportedMediaType, "chunked");
        var clerk = server.ClientFor(Role.Clerk, Township);
        var mistyped = await ProblemAsync(await clerk.PostAsync("/api/cases/search", Json("{\"limit\": \"many\"}")), HttpStatusCode.BadRequest, "mistyped");
        Assert.Equal("$.limit", (string)mistyped["errors"]![0]!["path"]!);
        var empty = await ProblemAsync(await clerk.PostAsync("/api/cases/search", Json("")), HttpStatusCode.BadRequest, "empty");
        Assert.Equal("请求体不是有效的 JSON", (string)empty["title"]!);
        var nothing = await ProblemAsync(await clerk.PostAsync("/api/cases/search", Json("null")), HttpStatusCode.BadRequest, "null");
        Assert.Equal("JSON 有误", (string)nothing["title"]!);
    }

    [Fact]
    public void Every_endpoint_that_takes_a_json_body_has_the_filter()
    {
        var endpoints = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // Bodiless writes, and the multipart uploads (ScanUpload and VerificationUpload check their own parts).
        string[] noJson = ["api/cases/{caseId}/scans", "api/case-intake/scans", "api/cases/{caseId}/seal", "api/cases/{caseId}/supplement-notice",
            "api/cases/{caseId}/supplement-volume", "api/cases/{caseId}/record/print/{formId}", "api/cases/{caseId}/verification-results"];
        var writes = endpoints.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH") == true).ToList();
        Assert.True(writes.Count >= 14, $"{writes.Count} writes");
        foreach (var e in writes)
        {
            var route = e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/');
            var rule = e.Metadata.GetMetadata<JsonBodyRule>();
            if (noJson.Contains(route)) Assert.Null(rule);
            else Assert.True(rule is not null, $"{e.DisplayName} takes a body without the JSON filter");
        }
    }
}
