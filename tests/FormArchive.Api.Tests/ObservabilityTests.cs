using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Api;
using FormArchive.Api.Access;
using FormArchive.Api.Observability;
using FormArchive.Archive.Access;
using FormArchive.Tests.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FormArchive.Tests.Api;

/// <summary>OpenAPI document, Scalar reference page and /metrics over real HTTP.</summary>
public class ObservabilityTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Serves_an_openapi_document_listing_the_endpoints()
    {
        var response = await server.ClientWithKey(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.", (string)doc["openapi"]!);
        var paths = doc["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/forms/{id}/render"), string.Join(", ", paths.Select(p => p.Key)));
        Assert.True(paths.ContainsKey("/api/cases"));
        Assert.True(paths.ContainsKey("/api/cases/{caseId}/documents/{no}"));
        var render = paths["/api/forms/{id}/render"]!["post"]!;
        Assert.Equal("RenderForm", (string)render["operationId"]!);
        Assert.False(string.IsNullOrEmpty((string?)render["summary"]));
        Assert.NotNull(render["security"]);
        Assert.Equal("RenderForms", (string)paths["/api/forms/render"]!["post"]!["operationId"]!);
        // Group root routes (MapGet("") under /api/forms) carry their ids and summaries too.
        Assert.Equal("ListForms", (string?)paths["/api/forms"]!["get"]!["operationId"]);
        Assert.Equal("CreateCase", (string?)paths["/api/cases"]!["post"]!["operationId"]);
        Assert.Equal("ListKeys", (string?)paths["/api/keys"]!["get"]!["operationId"]);
        Assert.False(string.IsNullOrEmpty((string?)paths["/api/cases"]!["post"]!["summary"]));
        Assert.NotNull(paths["/api/forms/render"]!["post"]!["security"]);
        Assert.Equal("X-Api-Key", (string)doc["components"]!["securitySchemes"]![ApiKeyAuthentication.Scheme]!["name"]!);
        // The key is required document-wide (Scalar then selects it and sends X-Api-Key); public operations
        // carry the empty requirement {}, and every other one the key.
        Assert.Equal("""[{"ApiKey":[]}]""", doc["security"]!.ToJsonString());
        Assert.Equal("[{}]", paths["/api/forms"]!["get"]!["security"]!.ToJsonString());
        Assert.Equal("[{}]", paths["/api/forms/{id}/schema"]!["get"]!["security"]!.ToJsonString());
        foreach (var (path, item) in paths)
            foreach (var (method, operation) in item!.AsObject())
                Assert.True(operation!["security"] is JsonArray { Count: 1 }, $"{method} {path} states no security");
        Assert.Equal("""[{"ApiKey":[]}]""", paths["/api/cases"]!["post"]!["security"]!.ToJsonString());
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_tagged_and_secured_from_its_own_metadata()
    {
        var doc = JsonNode.Parse(await server.ClientWithKey(null).GetStringAsync("/openapi/v1.json"))!;
        var ids = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method} {path}";
                Assert.False(string.IsNullOrWhiteSpace((string?)operation!["operationId"]), $"{where} has no name");
                Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{where} has no summary");
                Assert.True(operation["tags"] is JsonArray { Count: > 0 }, $"{where} has no tag");
                ids.Add((string)operation["operationId"]!);
                // A key's roles are named where a key is needed.
                if (operation["security"]!.ToJsonString() != "[{}]")
                    Assert.Contains("API key roles: ", (string?)operation["description"] ?? "");
            }
        Assert.True(ids.Count >= 40, $"{ids.Count} operations");
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var paths = doc["paths"]!;
        // Request bodies from the JSON filter's rule, responses from the endpoints' Results<…>.
        Assert.NotNull(paths["/api/cases"]!["post"]!["requestBody"]!["content"]!["application/json"]);
        Assert.Equal("#/components/schemas/CaseView", (string)paths["/api/cases/{caseId}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.Equal("#/components/schemas/ChecklistView", (string)paths["/api/cases/{caseId}/checklist"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.Contains("API key roles: clerk, archivist.", (string)paths["/api/cases/{caseId}"]!["get"]!["description"]!);
        // The problems the policies and the JSON filter give are documented as RFC 7807, once in the components.
        foreach (var status in new[] { "400", "401", "403", "413", "415" })
            Assert.Equal("#/components/schemas/ProblemDetails",
                (string)paths["/api/cases"]!["post"]!["responses"]![status]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!);
        Assert.Null(paths["/api/forms"]!["get"]!["responses"]!["401"]);
    }

    [Fact]
    public async Task Serves_the_scalar_reference_page()
    {
        var response = await server.ClientWithKey(null).GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
        // Scalar's configuration names the key as the preferred scheme, so it is sent without choosing it first.
        Assert.Contains($"\"preferredSecurityScheme\":[\"{ApiKeyAuthentication.Scheme}\"]", page);
    }

    [Fact]
    public async Task Metrics_need_an_admin_key_and_count_requests_per_route()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.ClientWithKey(null).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await server.Client.GetAsync("/metrics")).StatusCode);

        for (int i = 0; i < 3; i++)
        {
            var r = await server.Client.PostAsync("/api/forms/chizhou.acceptance-notice/render", CaseApi.Json(FormsFixture.Sample("case.json")));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        await server.Client.GetAsync("/api/forms/no-such-form");
        await server.Client.GetAsync("/no/such/path/110105194912310029");

        var metrics = await CaseApi.GetJsonAsync(server.ClientFor(Role.Admin), "/metrics");
        var endpoints = metrics["endpoints"]!.AsArray();
        var render = endpoints.Single(e => (string)e!["route"]! == "/api/forms/{id}/render" && (string)e["method"]! == "POST")!;
        Assert.True((long)render["count"]! >= 3);
        Assert.True((long)render["statuses"]!["2xx"]! >= 3);
        var latency = render["latencyMs"]!;
        Assert.True((double)latency["p50"]! > 0);
        Assert.True((double)latency["p99"]! >= (double)latency["p50"]!);
        Assert.True((double)latency["max"]! >= (double)latency["p99"]! * 0.9);
        Assert.Contains(endpoints, e => (string)e!["route"]! == "/api/forms/{id}" && e["statuses"]!["4xx"] is not null);
        // Unknown paths share one key; raw paths never become keys.
        Assert.Contains(endpoints, e => (string)e!["route"]! == RequestMetrics.Unmatched);
        Assert.DoesNotContain("110105194912310029", metrics.ToJsonString());

        var work = metrics["work"]!;
        Assert.True((int)work["maxConcurrent"]! >= 1);
        Assert.Equal(0, (int)work["queued"]!);
        Assert.NotNull(work["rejected"]);
    }

    /// <summary>A group's root route (MapGet("") under /api/forms) is named as the OpenAPI document names it, without a trailing slash.</summary>
    [Fact]
    public async Task Metrics_name_a_group_root_route_without_a_trailing_slash()
    {
        Assert.Equal(HttpStatusCode.OK, (await server.ClientWithKey(null).GetAsync("/api/forms")).StatusCode);
        var admin = server.ClientFor(Role.Admin);
        var metrics = await Eventually.ReadAsync(() => CaseApi.GetJsonAsync(admin, "/metrics"),
            m => m["endpoints"]!.AsArray().Any(e => (string)e!["route"]! == "/api/forms" && (string)e["method"]! == "GET"));
        var routes = metrics["endpoints"]!.AsArray().Select(e => (string)e!["route"]!).ToList();
        Assert.Contains("/api/forms", routes);
        Assert.DoesNotContain(routes, r => r.Length > 1 && r.EndsWith('/'));
        Assert.DoesNotContain("route=\"GET /api/forms/\"", await admin.GetStringAsync("/metrics?format=prometheus"));
    }

    [Fact]
    public async Task Static_files_count_under_one_label_never_by_path()
    {
        var anonymous = server.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/clerk.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/common.js?key=110105194912310029")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode); // index.html
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/no-such-page.html")).StatusCode);

        var admin = server.ClientFor(Role.Admin);
        static JsonNode? Static(JsonNode metrics) =>
            metrics["endpoints"]!.AsArray().SingleOrDefault(e => (string)e!["route"]! == RequestMetrics.StaticFiles);
        var metrics = await Eventually.ReadAsync(() => CaseApi.GetJsonAsync(admin, "/metrics"), m => (long?)Static(m)?["count"] >= 3);
        var files = Static(metrics);
        Assert.True(files is not null, $"no {RequestMetrics.StaticFiles} route: {metrics["endpoints"]!.ToJsonString()}");
        Assert.Equal("GET", (string)files["method"]!);
        Assert.Equal(3, (long)files["count"]!);
        Assert.Equal(3, (long)files["statuses"]!["2xx"]!);
        Assert.Contains(metrics["endpoints"]!.AsArray(), e => (string)e!["route"]! == RequestMetrics.Unmatched && e["statuses"]!["4xx"] is not null);

        var text = await admin.GetStringAsync("/metrics?format=prometheus");
        Assert.Contains($"{PrometheusText.Requests}{{route=\"GET {RequestMetrics.StaticFiles}\",status=\"2xx\"}} 3\n", text);
        foreach (var path in new[] { "clerk.html", "common.js", "index.html", "no-such-page", "110105194912310029" })
        {
            Assert.DoesNotContain(path, text);
            Assert.DoesNotContain(path, metrics.ToJsonString());
        }
    }
}

/// <summary>Logs carry no ID numbers or names, even with every category at Debug.</summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("formarchive-logs-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private WebApplication _app = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _app = FormArchiveApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Debug", $"--FormArchive:Data={_data}"],
            b => b.Logging.AddProvider(_logs));
        await _app.StartAsync();
        _base = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private HttpClient Client(Role role, string? township = null)
    {
        var c = new HttpClient { BaseAddress = _base };
        c.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, _app.Services.GetRequiredService<ApiKeyStore>().Add("t", role, township).Secret);
        return c;
    }

    [Fact]
    public async Task No_id_number_or_name_reaches_the_logs()
    {
        using var clerk = Client(Role.Clerk, CaseApi.Township);
        using var admin = Client(Role.Admin);
        using var integrator = Client(Role.Integrator);
        var caseId = await CaseApi.CreateAsync(clerk);
        var filed = await clerk.PostAsync($"/api/cases/{caseId}/forms/chizhou.acceptance-notice", CaseApi.Json(FormsFixture.Sample("case.json")));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var no = (int)JsonNode.Parse(await filed.Content.ReadAsStringAsync())!["no"]!;
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/cases/{caseId}/documents/{no}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync("/api/cases/search", CaseApi.Json($$"""{"idNumber":"{{CaseApi.CorpusIdNumber}}","name":"{{CaseApi.CorpusName}}"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await integrator.PostAsync("/api/forms/chizhou.review-form/render", CaseApi.Json(FormsFixture.Sample("case.json")))).StatusCode);
        // Personal data where it does not belong: in a URL and a query string.
        await clerk.GetAsync($"/api/cases/{CaseApi.CorpusIdNumber}");
        await admin.GetAsync($"/api/audit?caseId={CaseApi.CorpusIdNumber}&who={Uri.EscapeDataString(CaseApi.CorpusName)}");
        await clerk.GetAsync($"/nothing/{Uri.EscapeDataString(CaseApi.CorpusName)}/{CaseApi.CorpusIdNumber}");

        var text = _logs.Text();
        Assert.Contains("/api/cases/{caseId}/documents/{no}", text); // the request lines are there, by route template
        Assert.Contains("/api/forms/{id}/render", text);
        foreach (var secret in new[] { CaseApi.CorpusIdNumber, CaseApi.CorpusName, "34172319580312001X", "汪德顺", Uri.EscapeDataString(CaseApi.CorpusName) })
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Exception_messages_are_scrubbed()
    {
        Assert.Equal("no row for 110105********0029", Telemetry.Scrub("no row for 110105194912310029"));
        Assert.Equal("key 11010519491231X", Telemetry.Scrub("key 11010519491231X")); // 17 characters: not an ID number
        Assert.Equal("x 370202********7733 y", Telemetry.Scrub("x 370202194004297733 y"));
        Assert.DoesNotContain("孙明红", Telemetry.Scrub("case of 孙明红 failed"));
    }

    [Fact]
    public void Json_console_logs_are_one_switch_away()
    {
        var data = Directory.CreateTempSubdirectory("formarchive-logjson-").FullName;
        using var app = (IDisposable)FormArchiveApp.Build([$"--FormArchive:Data={data}", "--FormArchive:LogJson=true"]);
        var options = ((WebApplication)app).Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text() => string.Join('\n', _lines);
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);
        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(" ", kv.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | {exception}");
            }
        }
    }
}
