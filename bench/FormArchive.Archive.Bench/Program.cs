using System.Diagnostics;
using System.Security.Cryptography;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Dossier;
using FormArchive.Archive.Export;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Verify;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;
using FormArchive.Testing;

// Archive timings on the local-disk store and on S3 (Ceph RGW, started and stopped here):
// put/get throughput, filing + seal + verify of a 60-document case, export, and a 200-page dossier.
// Usage: dotnet run -c Release --project bench/FormArchive.Archive.Bench [-- --local-only]
var localOnly = args.Contains("--local-only");
var work = Path.Combine(Path.GetTempPath(), "formarchive-archive-bench-" + Guid.NewGuid().ToString("N")[..8]);
var signer = SealSigner.LoadOrCreate(Path.Combine(work, "keys", "seal.pem"));
Console.WriteLine($"FormArchive archive benchmark — {Environment.ProcessorCount} cores, {Environment.OSVersion}");

var stores = new List<(string Name, Func<IArchiveStore> Open)> { ("local", () => new LocalArchiveStore(Path.Combine(work, "store"))) };
CephRgw? ceph = null;
try
{
    if (!localOnly)
    {
        // Its own folder and ports, so it never meets a test or demo server.
        ceph = CephRgw.Start("/tmp/formarchive-ceph-bench", "27480", "23300");
        Console.WriteLine($"Ceph RGW at {ceph.Endpoint} (started in {ceph.StartupTime.TotalSeconds:0.0} s)");
        var s3 = await S3ArchiveStore.OpenAsync(new S3StoreOptions
        {
            Endpoint = ceph.Endpoint, AccessKey = ceph.AccessKey, SecretKey = ceph.SecretKey, Bucket = "fa-bench-" + Guid.NewGuid().ToString("N")[..8],
        });
        stores.Add(("s3", () => s3));
    }

    // A realistic spread of stored PDFs: 1–3 page forms of 4–20 KB from our own writer.
    var pdfs = Enumerable.Range(1, 60).Select(i => Pdf($"材料{i}", 1 + i % 3)).ToList();

    foreach (var (name, open) in stores)
    {
        var store = open();
        Console.WriteLine();
        Console.WriteLine($"== {name}: {store.Description}");
        await Throughput(store, "4 KiB objects", 4 * 1024, 400);
        await Throughput(store, "256 KiB objects", 256 * 1024, 100);
        await Throughput(store, "4 MiB objects", 4 * 1024 * 1024, 16);

        for (int run = 1; run <= 3; run++)
        {
            var archive = new CaseArchive(store, signer, new RetentionPolicy(RetentionMode.Governance, 1));
            var id = $"bench-{run}-{Guid.NewGuid().ToString("N")[..8]}";
            var w = Stopwatch.StartNew();
            await archive.OpenCaseAsync(Meta(id), "clerk");
            for (int i = 0; i < pdfs.Count; i++)
                await archive.AddDocumentAsync(id, new DocumentUpload { Title = $"材料{i + 1}", FileName = $"m{i + 1}.pdf", MediaType = "application/pdf", Content = pdfs[i] }, "clerk");
            var file = w.Elapsed;
            w.Restart();
            await archive.SealAsync(id, "archivist");
            var seal = w.Elapsed;
            w.Restart();
            var report = await new CaseVerifier(new CaseArchive(store, signer)).VerifyAsync(id, "auditor");
            var verify = w.Elapsed;
            if (!report.Passed) throw new InvalidOperationException("verify failed: " + string.Join("; ", report.Failures.Select(f => f.Name + ": " + f.Detail)));
            w.Restart();
            long zipBytes;
            using (var ms = new MemoryStream()) { await ExportPackage.WriteAsync(archive, id, ms, "exporter"); zipBytes = ms.Length; }
            var export = w.Elapsed;
            Console.WriteLine($"60-document case, run {run}: file 60 docs {file.TotalMilliseconds,7:F0} ms ({file.TotalMilliseconds / 60,5:F1} ms/doc)  " +
                              $"seal {seal.TotalMilliseconds,6:F0} ms  verify {verify.TotalMilliseconds,6:F0} ms ({report.Checks.Count} checks)  export {export.TotalMilliseconds,5:F0} ms ({zipBytes / 1024} KiB)");
        }

        // 200 pages: 40 stored PDFs of 5 pages each.
        {
            var archive = new CaseArchive(store, signer, new RetentionPolicy(RetentionMode.Governance, 1));
            var id = $"bench-dossier-{Guid.NewGuid().ToString("N")[..8]}";
            await archive.OpenCaseAsync(Meta(id), "clerk");
            for (int i = 1; i <= 40; i++)
                await archive.AddDocumentAsync(id, new DocumentUpload
                {
                    Title = $"文书{i}", ResponsibleParty = "秋浦街道办事处", Date = new DateOnly(2025, 3, 1 + i % 28),
                    FileName = $"d{i}.pdf", MediaType = "application/pdf", Content = Pdf($"文书{i}", 5)
                }, "clerk");
            await archive.SealAsync(id, "archivist");
            for (int run = 1; run <= 3; run++)
            {
                var w = Stopwatch.StartNew();
                var pdf = await DossierBuilder.BuildAsync(archive, id, "printer");
                Console.WriteLine($"dossier 200 document pages (+ cover, 2 directory pages), run {run}: {w.Elapsed.TotalMilliseconds,6:F0} ms, {pdf.Length / 1024} KiB");
            }
        }
    }
}
finally
{
    foreach (var (_, open) in stores) (open() as IDisposable)?.Dispose();
    ceph?.Dispose();
    try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}
var process = Process.GetCurrentProcess();
Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024)} MiB");

// Writes then reads `count` distinct objects of `size` bytes, 8 at a time, as the vault does.
static async Task Throughput(IArchiveStore store, string label, int size, int count)
{
    var prefix = "bench/" + Guid.NewGuid().ToString("N")[..8] + "/";
    var blobs = Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetBytes(size)).ToList();
    var options = new ParallelOptions { MaxDegreeOfParallelism = 8 };
    var w = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, ct) => await store.TryCreateAsync(StoreArea.Vault, prefix + i, blobs[i], ct));
    var put = w.Elapsed;
    w.Restart();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, ct) =>
    {
        var back = await store.GetAsync(StoreArea.Vault, prefix + i, ct);
        if (back is null || back.Length != size) throw new InvalidOperationException("read back wrong bytes");
    });
    var get = w.Elapsed;
    double mib = (double)size * count / (1024 * 1024);
    Console.WriteLine($"{label,-16} ×{count,4}: put {count / put.TotalSeconds,7:F0} obj/s {mib / put.TotalSeconds,7:F1} MiB/s   get {count / get.TotalSeconds,7:F0} obj/s {mib / get.TotalSeconds,7:F1} MiB/s");
    await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, ct) => await store.DeleteAsync(StoreArea.Vault, prefix + i, ct));
}

static byte[] Pdf(string title, int pages)
{
    var b = new PdfDocumentBuilder(new PdfMetadata(title));
    for (int p = 0; p < pages; p++)
    {
        var page = b.AddPage(595.28f, 841.89f);
        page.DrawText($"{title} 第{p + 1}页", 72, 100, FontFamilyKind.Serif, false, 14);
        for (int line = 0; line < 30; line++) page.DrawText($"第{line + 1}行 申请人家庭成员收入、财产核查情况说明", 72, 140 + line * 20, FontFamilyKind.Serif, false, 11);
    }
    return b.ToArray();
}

static CaseMetadata Meta(string id) => new()
{
    CaseId = id, Title = "张三 最低生活保障审核确认", ApplicantName = "张三", IdNumber = "110105194912310029", Township = "秋浦街道",
    Village = "杏花村社区", Category = "低保", Status = "审核", Agency = "池州市贵池区秋浦街道办事处", OpenedOn = new DateOnly(2025, 3, 1),
};

