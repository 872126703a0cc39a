using System.Diagnostics;

namespace FormArchive.Bench;

/// <summary>Warm-up, then the mean of many runs: enough for milliseconds-per-form figures.</summary>
internal static class Measure
{
    public static (double MeanMs, T Last) Run<T>(Func<T> action, int iterations)
    {
        var last = action();
        for (var i = 0; i < Math.Min(50, iterations); i++) last = action();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) last = action();
        return (watch.Elapsed.TotalMilliseconds / iterations, last);
    }
}
