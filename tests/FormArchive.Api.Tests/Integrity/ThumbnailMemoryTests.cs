using System.Net;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Integrity;

/// <summary>Runs alone, so that the process's peak memory is this test's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "memory bound";
}

/// <summary>
/// The stated memory bound: eight thumbnail requests at once, each of the worst image the limits let through
/// (a Flate RGB image of 50 megapixels, 150 MB of samples once decoded), keep the service under 1 GB resident.
/// </summary>
[Collection(MemoryCollection.Name)]
public sealed class ThumbnailMemoryTests(QueueingApiServer server, ITestOutputHelper output) : IClassFixture<QueueingApiServer>
{
    private static long PeakRssBytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:"))[6..].Trim().Split(' ')[0]) * 1024;

    private static long RssBytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:"))[6..].Trim().Split(' ')[0]) * 1024;

    [Fact]
    public async Task Eight_concurrent_worst_case_thumbnails_stay_under_1_GB_resident()
    {
        var clerk = server.ClientFor(Role.Clerk, Township);
        var caseId = await CreateAsync(clerk);
        var host = server.App.Services.GetRequiredService<ArchiveHost>();
        int side = (int)Math.Floor(Math.Sqrt(50_000_000));
        var pdfs = new List<int>();
        for (int i = 0; i < 8; i++) // eight different documents: no request is served from another's cache
        {
            var content = ImagePdf.Build(side, side - i, rgb: true);
            pdfs.Add((await host.Archive.AddDocumentAsync(caseId, new DocumentUpload
            {
                Title = $"扫描件{i}", FileName = $"scan{i}.pdf", MediaType = "application/pdf", Content = content,
            }, "clerk")).No);
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5"); // resets the peak (VmHWM) to the current resident size
        long before = RssBytes();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(pdfs.Select(no => clerk.GetAsync($"/api/cases/{caseId}/documents/{no}/pages/1/thumbnail?width=320")));
        var elapsed = watch.Elapsed;
        long peak = PeakRssBytes();
        foreach (var r in responses) Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        output.WriteLine($"8 × {side}×{side} RGB thumbnails: {elapsed.TotalSeconds:0.0} s, resident before {before / 1048576} MiB, peak {peak / 1048576} MiB");
        // The test process also holds every other test's state (OCR models, fonts, LibreOffice runs): what these eight
        // requests add is what counts. A service at rest is about 190–300 MiB, so 768 MiB more keeps it under 1 GB.
        Assert.True(peak - before < 768L << 20, $"peak resident {peak / 1048576} MiB (before {before / 1048576} MiB)");
    }
}
