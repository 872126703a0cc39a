using System.Net;
using FormArchive.Api.Observability;
using FormArchive.Archive.Access;

namespace FormArchive.Tests.Api;

/// <summary>
/// GET /metrics in the Prometheus text format, read back with a strict parser. The class has its own server, so
/// the schema route below is called by nothing else and its counts are exact.
/// </summary>
public class PrometheusMetricsTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string SchemaRoute = "GET /api/forms/{id}/schema";
    /// <summary>What Prometheus 2 sends when it scrapes.</summary>
    private const string ScraperAccept = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    [Fact]
    public async Task Prometheus_text_parses_strictly_and_counts_each_request_to_a_fresh_route()
    {
        const int calls = 4;
        var anonymous = server.ClientWithKey(null);
        for (var i = 0; i < calls; i++)
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/forms/chizhou.review-form/schema")).StatusCode);

        var admin = server.ClientFor(Role.Admin);
        var metrics = await Eventually.ReadAsync(() => ScrapeAsync(admin), m => Value(m, PrometheusText.Duration + "_count", SchemaRoute) >= calls);

        Assert.Equal("counter", metrics.TypeOf[PrometheusText.Requests]);
        Assert.Equal("summary", metrics.TypeOf[PrometheusText.Duration]);
        Assert.Equal("gauge", metrics.TypeOf[PrometheusText.WorkRunning]);
        Assert.Equal("gauge", metrics.TypeOf[PrometheusText.WorkWaiting]);
        Assert.Equal("counter", metrics.TypeOf[PrometheusText.WorkRejected]);
        Assert.Equal(metrics.TypeOf.Keys.Order(), metrics.Helped.Order());

        var requests = metrics.Samples.Where(s => s.Name == PrometheusText.Requests && s.Labels["route"] == SchemaRoute).ToList();
        var only = Assert.Single(requests);
        Assert.Equal("2xx", only.Labels["status"]);
        Assert.Equal(calls, only.Value);
        Assert.Equal(calls, Value(metrics, PrometheusText.Duration + "_count", SchemaRoute));
        Assert.True(Value(metrics, PrometheusText.Duration + "_sum", SchemaRoute) > 0);

        var quantiles = metrics.Samples.Where(s => s.Name == PrometheusText.Duration && s.Labels["route"] == SchemaRoute)
            .ToDictionary(s => s.Labels["quantile"], s => s.Value);
        Assert.Equal(["0.5", "0.9", "0.99"], quantiles.Keys);
        Assert.True(quantiles["0.5"] > 0 && quantiles["0.5"] <= quantiles["0.9"] && quantiles["0.9"] <= quantiles["0.99"], string.Join(", ", quantiles));
        Assert.True(quantiles["0.99"] < 60, "seconds, not milliseconds");

        foreach (var gauge in new[] { PrometheusText.WorkRunning, PrometheusText.WorkWaiting, PrometheusText.WorkRejected })
            Assert.Empty(Assert.Single(metrics.Samples, s => s.Name == gauge).Labels);
    }

    [Fact]
    public async Task Json_stays_the_default_and_the_text_format_is_asked_for_by_accept_or_query()
    {
        var admin = server.ClientFor(Role.Admin);
        Assert.Equal("application/json", (await GetMetricsAsync(admin, "/metrics", null)).Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", (await GetMetricsAsync(admin, "/metrics", "text/html,application/xhtml+xml,*/*;q=0.8")).Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", (await GetMetricsAsync(admin, "/metrics", "application/json, text/plain;q=0.5")).Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", (await GetMetricsAsync(admin, "/metrics?format=json", "text/plain")).Content.Headers.ContentType!.MediaType);

        foreach (var (path, accept) in new[] { ("/metrics", "text/plain"), ("/metrics", ScraperAccept), ("/metrics?format=prometheus", null) })
        {
            var response = await GetMetricsAsync(admin, path, accept);
            var type = response.Content.Headers.ContentType!;
            Assert.Equal("text/plain", type.MediaType);
            Assert.Equal("utf-8", type.CharSet);
            Assert.Contains(type.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
            PrometheusTextParser.Parse(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await GetMetricsAsync(admin, "/metrics?format=xml", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetMetricsAsync(server.ClientWithKey(null), "/metrics?format=prometheus", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetMetricsAsync(server.Client, "/metrics", "text/plain")).StatusCode);
    }

    [Fact]
    public void Label_values_escape_backslash_quote_and_line_feed()
    {
        const string route = "/odd\\path \"quoted\"\nnext {x}";
        var snapshot = new MetricsSnapshot
        {
            Work = new WorkSnapshot(2, 16, 1, 0, 3),
            Endpoints = [new EndpointSnapshot("GET", route, 2, new Dictionary<string, long> { ["2xx"] = 1, ["5xx"] = 1 }, new LatencySnapshot(1.5, 2, 2, 2, 1.75, 3.5))],
        };
        var text = PrometheusText.Write(snapshot);
        Assert.Contains("route=\"GET /odd\\\\path \\\"quoted\\\"\\nnext {x}\"", text);

        var metrics = PrometheusTextParser.Parse(text);
        Assert.All(metrics.Samples.Where(s => s.Labels.ContainsKey("route")), s => Assert.Equal("GET " + route, s.Labels["route"]));
        Assert.Equal(2, metrics.Samples.Count(s => s.Name == PrometheusText.Requests));
        Assert.Equal(0.0035, metrics.Samples.Single(s => s.Name == PrometheusText.Duration + "_sum").Value, 9);
        Assert.Equal(0.0015, metrics.Samples.Single(s => s.Name == PrometheusText.Duration && s.Labels["quantile"] == "0.5").Value, 9);
        Assert.Equal(3, metrics.Samples.Single(s => s.Name == PrometheusText.WorkRejected).Value);
    }

    [Fact]
    public void The_strict_parser_refuses_what_the_format_does_not_allow()
    {
        const string ok = "# HELP m_total Things.\n# TYPE m_total counter\nm_total{a=\"1\"} 2\n";
        PrometheusTextParser.Parse(ok);
        foreach (var bad in new[]
        {
            "m_total 1\n",                                                           // no TYPE
            ok + "m_total{a=\"2\"} x\n",                                              // not a number
            ok + "m_total{a=\"2\\t\"} 1\n",                                           // unknown escape
            ok + "m_total{a=2} 1\n",                                                  // unquoted value
            ok.TrimEnd('\n'),                                                         // no final line feed
            ok + "# TYPE g gauge\ng 1\nm_total{a=\"3\"} 1\n",                         // family split in two groups
            ok + "# just a remark\n",                                                 // not HELP or TYPE
        })
            Assert.Throws<FormatException>(() => PrometheusTextParser.Parse(bad));
    }

    private static double Value(PrometheusTextParser.Exposition metrics, string name, string route) =>
        metrics.Samples.Where(s => s.Name == name && s.Labels.GetValueOrDefault("route") == route).Select(s => s.Value).DefaultIfEmpty(-1).Single();

    private static async Task<PrometheusTextParser.Exposition> ScrapeAsync(HttpClient admin)
    {
        var response = await GetMetricsAsync(admin, "/metrics", "text/plain");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return PrometheusTextParser.Parse(text);
    }

    private static Task<HttpResponseMessage> GetMetricsAsync(HttpClient client, string path, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return client.SendAsync(request);
    }
}
