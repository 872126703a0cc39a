using System.Globalization;
using System.Text;

namespace FormArchive.Api.Observability;

/// <summary>
/// A <see cref="MetricsSnapshot"/> in the Prometheus text exposition format 0.0.4: request counts per route and
/// status class (counter), latency per route (summary: quantiles 0.5, 0.9, 0.99, _sum, _count, in seconds) and
/// the work queue (gauges, and a counter of requests turned away). The route label is method and route template,
/// as in the API reference ("POST /api/forms/{id}/render"), never a raw path.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public const string Requests = "formarchive_http_requests_total";
    public const string Duration = "formarchive_http_request_duration_seconds";
    public const string WorkRunning = "formarchive_work_running";
    public const string WorkWaiting = "formarchive_work_waiting";
    public const string WorkRejected = "formarchive_work_rejected_total";

    public static string Write(MetricsSnapshot snapshot)
    {
        var text = new StringBuilder();

        Family(text, Requests, "counter", "HTTP requests answered, by route (method and route template) and status class.");
        foreach (var endpoint in snapshot.Endpoints)
            foreach (var (status, count) in endpoint.Statuses)
                Sample(text, Requests, [("route", Route(endpoint)), ("status", status)], count);

        Family(text, Duration, "summary", "Time to answer an HTTP request, by route; quantiles within 10 %.");
        foreach (var endpoint in snapshot.Endpoints)
        {
            var route = Route(endpoint);
            var latency = endpoint.LatencyMs;
            foreach (var (quantile, ms) in new[] { ("0.5", latency.P50), ("0.9", latency.P90), ("0.99", latency.P99) })
                Sample(text, Duration, [("route", route), ("quantile", quantile)], Seconds(ms));
            Sample(text, Duration + "_sum", [("route", route)], Seconds(latency.Sum));
            Sample(text, Duration + "_count", [("route", route)], endpoint.Count);
        }

        Family(text, WorkRunning, "gauge", "Render/OCR slots in use.");
        Sample(text, WorkRunning, [], snapshot.Work.Running);
        Family(text, WorkWaiting, "gauge", "Requests waiting for a render/OCR slot.");
        Sample(text, WorkWaiting, [], snapshot.Work.Queued);
        Family(text, WorkRejected, "counter", "Requests turned away with 503 because every slot was taken and the queue was full.");
        Sample(text, WorkRejected, [], snapshot.Work.Rejected);
        return text.ToString();
    }

    private static string Route(EndpointSnapshot endpoint) => $"{endpoint.Method} {endpoint.Route}";

    /// <summary>Milliseconds as seconds to the microsecond the metrics keep, without binary-fraction noise (0.00072, not 0.0007199999999999999).</summary>
    private static double Seconds(double milliseconds) => Math.Round(milliseconds / 1000, 6);

    private static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", @"\\").Replace("\n", @"\n")).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, (string Name, string Value)[] labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
            text.Append('{').AppendJoin(',', labels.Select(l => $"{l.Name}=\"{EscapeLabelValue(l.Value)}\"")).Append('}');
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    /// <summary>Backslash, double quote and line feed are the three characters a label value must escape.</summary>
    public static string EscapeLabelValue(string value) => value.Replace("\\", @"\\").Replace("\"", "\\\"").Replace("\n", @"\n");

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
