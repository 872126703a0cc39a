using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FormArchive.Api;
using FormArchive.Api.Work;
using FormArchive.Archive.Access;
using Microsoft.Extensions.DependencyInjection;

namespace FormArchive.Api.Bench;

/// <summary>
/// Memory held by scan uploads that wait in the work queue: every work slot is taken, N uploads of S MB are
/// sent, and the managed heap (after a full collection) is compared before and while they wait. The uploads
/// are random bytes named .jpg: they pass the pre-queue screen and are refused by OCR once the slots free up.
/// Usage: dotnet run -c Release --project bench/FormArchive.Api.Bench -- --queued-uploads [--uploads 8 --mb 30]
/// </summary>
internal static class QueuedUploadsBench
{
    public static async Task RunAsync(int uploads, int megabytes)
    {
        var data = Directory.CreateTempSubdirectory("formarchive-upload-bench-").FullName;
        await using var app = FormArchiveApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--FormArchive:Data={data}",
            $"--FormArchive:MaxQueuedWork={uploads}", "--FormArchive:MaxQueueWaitSeconds=120", $"--FormArchive:MaxUploadBytes={(megabytes + 1) * 1_000_000L}"]);
        await app.StartAsync();
        var baseAddress = new Uri(app.Urls.First());
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", app.Services.GetRequiredService<ApiKeyStore>().Add("bench", Role.Clerk, "秋浦街道").Secret);
        var created = await http.PostAsync("/api/cases", new StringContent(
            """{"applicant":{"name":"张三","idNumber":"11010519491231002X"},"village":"杏花村","categories":["低保"]}""",
            System.Text.Encoding.UTF8, "application/json"));
        var createdBody = await created.Content.ReadAsStringAsync();
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"case not created: {(int)created.StatusCode} {createdBody}");
        var caseId = (string)JsonNode.Parse(createdBody)!["caseId"]!;

        var gate = app.Services.GetRequiredService<WorkGate>();
        var held = new List<IDisposable>();
        for (int i = 0; i < gate.MaxConcurrent; i++) held.Add((await gate.TryEnterAsync(CancellationToken.None))!);
        var file = new byte[megabytes * 1_000_000];
        new Random(7).NextBytes(file);
        long before = Heap();
        var sends = Enumerable.Range(0, uploads).Select(i =>
        {
            var form = new MultipartFormDataContent();
            var part = new ByteArrayContent(file); // one shared array: the client side adds no copies
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "files", $"scan-{i}.jpg");
            return http.PostAsync($"/api/cases/{caseId}/scans", form);
        }).ToList();
        while (gate.Waiting < uploads)
        {
            if (sends.FirstOrDefault(t => t.IsCompleted) is { } done)
                throw new InvalidOperationException($"an upload was answered before it could queue: {(int)(await done).StatusCode} {await (await done).Content.ReadAsStringAsync()}");
            await Task.Delay(50);
        }
        long waiting = Heap();
        foreach (var h in held) h.Dispose();
        var statuses = (await Task.WhenAll(sends)).Select(r => (int)r.StatusCode).GroupBy(s => s).Select(g => $"{g.Count()}×{g.Key}");
        Console.WriteLine($"{uploads} uploads × {megabytes} MB waiting for {gate.MaxConcurrent} busy work slots: managed heap {before / 1e6:F1} MB → {waiting / 1e6:F1} MB " +
            $"(+{(waiting - before) / 1e6:F1} MB, {(waiting - before) / (double)uploads / 1e6:F2} MB per waiting upload); answers after release: {string.Join(", ", statuses)}");
        await app.StopAsync();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
