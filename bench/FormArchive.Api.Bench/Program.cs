using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using FormArchive.Api;
using FormArchive.Api.Settings;
using FormArchive.Archive.Access;
using Microsoft.Extensions.DependencyInjection;

// Render throughput of the HTTP service: the real app on Kestrel on loopback (own temp data folder, default
// limits: MaxConcurrentWork slots, MaxQueuedWork waiting), clients in this process POSTing one-page form
// renders (chizhou.acceptance-notice with samples/case.json → PDF) with an integrator key.
// Usage: dotnet run -c Release --project bench/FormArchive.Api.Bench [-- --requests 200 --clients 1,8,32 --form ID --queue N --vary]
// --requests is per client. A 503 (work queue full, back-pressure) is counted apart from the PDFs and not retried.
// --vary gives every request an applicant name with characters not seen before (font-subset cache misses).
// --queued-uploads [--uploads N --mb S] measures instead the memory held by uploads waiting for a work slot.
if (args.Contains("--queued-uploads"))
{
    await FormArchive.Api.Bench.QueuedUploadsBench.RunAsync(Option("--uploads", 8), Option("--mb", 30));
    return;
}
var requestsPerClient = Option("--requests", 200);
var levels = (OptionText("--clients") ?? "1,8,32").Split(',').Select(int.Parse).ToArray();
var form = OptionText("--form") ?? "chizhou.acceptance-notice";
var queue = OptionText("--queue");
var vary = args.Contains("--vary");

var data = Directory.CreateTempSubdirectory("formarchive-api-bench-").FullName;
string[] appArgs = ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--FormArchive:Data={data}",
    .. queue is null ? Array.Empty<string>() : [$"--FormArchive:MaxQueuedWork={queue}"]];
await using var app = FormArchiveApp.Build(appArgs);
await app.StartAsync();
var baseAddress = new Uri(app.Urls.First());
var key = app.Services.GetRequiredService<ApiKeyStore>().Add("bench", Role.Integrator, null).Secret;
var limits = app.Services.GetRequiredService<ApiLimits>();
var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "case.json"));
var sample = System.Text.Json.Nodes.JsonNode.Parse(body)!;
var counter = 0;
var path = $"/api/forms/{form}/render?format=pdf";

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
http.DefaultRequestHeaders.Add("X-Api-Key", key);

async Task<(HttpStatusCode Status, double Ms, int Bytes)> Post()
{
    var payload = body;
    if (vary)
    {
        var n = Interlocked.Increment(ref counter);
        var data = sample.DeepClone();
        data["applicant"]!["name"] = "汪" + (char)(0x4E00 + n * 2 % 20000) + (char)(0x4E01 + n * 2 % 20000);
        payload = System.Text.Encoding.UTF8.GetBytes(data.ToJsonString());
    }
    using var content = new ByteArrayContent(payload);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    var started = Stopwatch.GetTimestamp();
    using var response = await http.PostAsync(path, content);
    var bytes = await response.Content.ReadAsByteArrayAsync();
    return (response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, bytes.Length);
}

// Warm-up (JIT, font subsets, connection pool).
var first = await Post();
if (first.Status != HttpStatusCode.OK) throw new InvalidOperationException($"warm-up render answered {(int)first.Status}");
for (int i = 0; i < 100; i++) await Post();

var gcBefore = GC.CollectionCount(0);
Console.WriteLine($"FormArchive HTTP render benchmark — {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, " +
    $"form {form} ({first.Bytes:N0} bytes PDF{(vary ? ", new name characters every request" : "")}), {requestsPerClient} requests per client, work gate {limits.MaxConcurrentWork} running + {limits.MaxQueuedWork} queued");
Console.WriteLine($"{"clients",7} {"requests",8} {"ok",6} {"503",6} {"other",5} {"seconds",7} {"PDFs/s",7} {"p50 ms",7} {"p90 ms",7} {"p99 ms",7} {"max ms",7} {"503 p50",7} {"peak WS MB",10}");
foreach (var clients in levels)
{
    GC.Collect();
    var peak = Environment.WorkingSet;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, Environment.WorkingSet);
            try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
        }
    });
    var watch = Stopwatch.StartNew();
    var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        var mine = new List<(HttpStatusCode Status, double Ms, int Bytes)>(requestsPerClient);
        for (int i = 0; i < requestsPerClient; i++) mine.Add(await Post());
        return mine;
    })));
    var seconds = watch.Elapsed.TotalSeconds;
    sampling.Cancel();
    await sampler;
    var all = results.SelectMany(r => r).ToList();
    var ok = all.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Ms).Order().ToList();
    var busy = all.Where(r => r.Status == HttpStatusCode.ServiceUnavailable).Select(r => r.Ms).Order().ToList();
    var other = all.Count - ok.Count - busy.Count;
    Console.WriteLine($"{clients,7} {all.Count,8} {ok.Count,6} {busy.Count,6} {other,5} {seconds,7:F2} {ok.Count / seconds,7:F0} " +
        $"{P(ok, 0.5),7:F1} {P(ok, 0.9),7:F1} {P(ok, 0.99),7:F1} {(ok.Count > 0 ? ok[^1] : 0),7:F1} {(busy.Count > 0 ? P(busy, 0.5).ToString("F1") : "-"),7} {peak / 1048576.0,10:F0}");
}
Console.WriteLine($"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB (clients and server share this process); " +
    $"gen0 GCs {GC.CollectionCount(0) - gcBefore}, gen2 {GC.CollectionCount(2)}");

await app.StopAsync();
try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }

static double P(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

int Option(string name, int fallback) => OptionText(name) is { } v ? int.Parse(v) : fallback;

string? OptionText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
