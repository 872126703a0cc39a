using System.Diagnostics;

namespace FormArchive.Ingest.Profiling;

/// <summary>
/// Per-stage wall-clock times of the page being processed on the current thread (profiling aid; cheap).
/// </summary>
public static class StageTimes
{
    [ThreadStatic] private static Dictionary<string, double>? t_current;

    public static Dictionary<string, double> Begin() => t_current = new Dictionary<string, double>();

    public static Dictionary<string, double>? End()
    {
        var c = t_current;
        t_current = null;
        return c;
    }

    public static Scope Time(string stage) => new(stage, Stopwatch.GetTimestamp());

    public readonly struct Scope(string stage, long start) : IDisposable
    {
        public void Dispose()
        {
            if (t_current is not { } d) return;
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            d[stage] = d.GetValueOrDefault(stage) + ms;
        }
    }
}
