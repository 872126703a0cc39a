using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FormArchive.Api.Work;

namespace FormArchive.Api.Observability;

/// <summary>
/// Request counts, status classes and latency percentiles per endpoint (method + route template — never the
/// raw path, so no case data and no unbounded set of keys), kept in memory for /metrics. The same numbers go
/// to the "FormArchive.Api" <see cref="Meter"/> (with the work queue's depth), for an OpenTelemetry exporter.
/// </summary>
public sealed class RequestMetrics : IDisposable
{
    public const string MeterName = "FormArchive.Api";
    /// <summary>Route key of requests no endpoint or file answered (in parentheses: no route template looks like it).</summary>
    public const string Unmatched = "(unmatched)";

    /// <summary>Route key of every file of the web pages (<see cref="Web.WebPages"/>), whatever its path.</summary>
    public const string StaticFiles = "(static)";

    private readonly ConcurrentDictionary<(string Method, string Route), EndpointStats> _endpoints = new();
    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly long _started = Stopwatch.GetTimestamp();

    public RequestMetrics(WorkGate gate)
    {
        Gate = gate;
        _meter = new Meter(MeterName);
        _duration = _meter.CreateHistogram<double>("formarchive.request.duration", "ms", "Request duration per endpoint");
        _meter.CreateObservableGauge("formarchive.work.queued", () => gate.Waiting, description: "Requests waiting for a render/OCR slot");
        _meter.CreateObservableGauge("formarchive.work.running", () => gate.Running, description: "Render/OCR slots in use");
        _meter.CreateObservableCounter("formarchive.work.rejected", () => gate.Rejected, description: "Requests turned away with 503");
    }

    public WorkGate Gate { get; }

    public void Record(string method, string route, int status, double milliseconds)
    {
        _endpoints.GetOrAdd((method, route), _ => new EndpointStats()).Record(status, milliseconds);
        if (_duration.Enabled)
            _duration.Record(milliseconds, new("http.request.method", method), new("http.route", route), new("http.response.status_code", status));
    }

    public MetricsSnapshot Snapshot() => new()
    {
        UptimeSeconds = Math.Round(Stopwatch.GetElapsedTime(_started).TotalSeconds, 1),
        Work = new WorkSnapshot(Gate.MaxConcurrent, Gate.MaxQueued, Gate.Running, Gate.Waiting, Gate.Rejected),
        Endpoints = _endpoints.OrderBy(e => e.Key.Route, StringComparer.Ordinal).ThenBy(e => e.Key.Method, StringComparer.Ordinal)
            .Select(e => e.Value.Snapshot(e.Key.Method, e.Key.Route)).ToList(),
    };

    public void Dispose() => _meter.Dispose();

    /// <summary>
    /// Lock-free log-scale histogram: bucket i holds durations up to 0.05 ms × 1.1^i (about 0.05 ms to 2 min),
    /// so a percentile is exact to within 10 %.
    /// </summary>
    private sealed class EndpointStats
    {
        private const double First = 0.05, Growth = 1.1;
        private const int Buckets = 160;
        private static readonly double LogGrowth = Math.Log(Growth);

        private readonly long[] _buckets = new long[Buckets + 1];
        private readonly long[] _statusClasses = new long[6];
        private long _count;
        private long _sumMicros;
        private long _maxMicros;

        public void Record(int status, double ms)
        {
            var i = ms <= First ? 0 : Math.Min(Buckets, (int)Math.Ceiling(Math.Log(ms / First) / LogGrowth));
            Interlocked.Increment(ref _buckets[i]);
            Interlocked.Increment(ref _statusClasses[Math.Clamp(status / 100, 0, 5)]);
            Interlocked.Increment(ref _count);
            var micros = (long)(ms * 1000);
            Interlocked.Add(ref _sumMicros, micros);
            long max;
            while (micros > (max = Interlocked.Read(ref _maxMicros)) && Interlocked.CompareExchange(ref _maxMicros, micros, max) != max) { }
        }

        public EndpointSnapshot Snapshot(string method, string route)
        {
            var counts = _buckets.Select(b => Interlocked.Read(ref b)).ToArray();
            long total = counts.Sum();
            double Percentile(double p)
            {
                if (total == 0) return 0;
                long rank = (long)Math.Ceiling(p * total), seen = 0;
                for (int i = 0; i < counts.Length; i++)
                {
                    seen += counts[i];
                    if (seen >= rank) return Math.Round(Math.Min(First * Math.Pow(Growth, i), Interlocked.Read(ref _maxMicros) / 1000.0), 2);
                }
                return Interlocked.Read(ref _maxMicros) / 1000.0;
            }
            var statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
            for (int c = 1; c < _statusClasses.Length; c++)
                if (Interlocked.Read(ref _statusClasses[c]) is > 0 and var n) statuses[$"{c}xx"] = n;
            var count = Interlocked.Read(ref _count);
            var sum = Interlocked.Read(ref _sumMicros) / 1000.0;
            return new EndpointSnapshot(method, route, count, statuses, new LatencySnapshot(
                Percentile(0.5), Percentile(0.9), Percentile(0.99), Interlocked.Read(ref _maxMicros) / 1000.0,
                count == 0 ? 0 : Math.Round(sum / count, 2), sum));
        }
    }
}

public sealed record MetricsSnapshot
{
    public double UptimeSeconds { get; init; }
    public required WorkSnapshot Work { get; init; }
    public required IReadOnlyList<EndpointSnapshot> Endpoints { get; init; }
}

/// <summary>The render/OCR work gate: slots, slots in use, queue depth, requests turned away (503) since start.</summary>
public sealed record WorkSnapshot(int MaxConcurrent, int MaxQueued, int Running, int Queued, long Rejected);

public sealed record EndpointSnapshot(string Method, string Route, long Count, IReadOnlyDictionary<string, long> Statuses, LatencySnapshot LatencyMs);

/// <summary>Latency in milliseconds; <see cref="Sum"/> of all requests, for a Prometheus summary.</summary>
public sealed record LatencySnapshot(double P50, double P90, double P99, double Max, double Mean, double Sum);
