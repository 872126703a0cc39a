using FormArchive.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Observability;

/// <summary>
/// GET /metrics: JSON by default; the Prometheus text format (<see cref="PrometheusText"/>) for format=prometheus
/// or an Accept header that prefers text/plain, as a Prometheus scraper's does.
/// </summary>
public static class MetricsEndpoint
{
    public static Results<Ok<MetricsSnapshot>, ContentHttpResult, ProblemHttpResult> Get(HttpContext http, RequestMetrics metrics, string? format)
    {
        bool? prometheus = format?.Trim().ToLowerInvariant() switch
        {
            null => PrefersText(http.Request),
            "prometheus" => true,
            "json" => false,
            _ => null,
        };
        if (prometheus is null)
            return Problems.BadRequest("不支持的格式", $"format 应为 json 或 prometheus，而不是“{format}”。");
        // The answer depends on Accept: a cache between scraper and service must keep the two apart.
        http.Response.Headers.Vary = "Accept";
        var snapshot = metrics.Snapshot();
        if (prometheus.Value) return TypedResults.Text(PrometheusText.Write(snapshot), PrometheusText.ContentType);
        return TypedResults.Ok(snapshot);
    }

    /// <summary>
    /// Whether Accept ranks text/plain above application/json. Prometheus sends OpenMetrics first and text/plain
    /// after it, with no JSON; a browser sends text/html and */*, which stay JSON.
    /// </summary>
    private static bool PrefersText(HttpRequest request)
    {
        double text = 0, json = 0;
        foreach (var accept in request.GetTypedHeaders().Accept)
        {
            var quality = accept.Quality ?? 1;
            if (accept.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)) text = Math.Max(text, quality);
            else if (accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) json = Math.Max(json, quality);
        }
        return text > json;
    }
}
