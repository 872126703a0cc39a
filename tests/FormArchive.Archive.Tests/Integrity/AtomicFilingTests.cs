using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;
using FormArchive.Archive.Verify;

namespace FormArchive.Archive.Tests.Integrity;

/// <summary>
/// One upload is one unit: a seal that races uploads (on this instance or another) seals whole uploads only,
/// and an upload refused by the seal leaves nothing behind.
/// </summary>
[Collection("archive")]
public sealed class AtomicFilingTests(ArchiveFixture fx)
{
    /// <summary>An original scan with its searchable PDF and ingest result, as the API files one scan.</summary>
    public static IReadOnlyList<DocumentUpload> ScanUpload(int n)
    {
        var original = Samples.PdfUpload($"扫描原件{n}");
        var sha = ContentDigest.Sha256Hex(original.Content);
        return
        [
            original,
            Samples.PdfUpload($"可检索PDF{n}") with { DerivedFrom = sha },
            new DocumentUpload { Title = $"识别结果{n}", FileName = $"scan{n}.ingest.json", MediaType = "application/json",
                Content = System.Text.Encoding.UTF8.GetBytes($"{{\"scan\":{n}}}"), DerivedFrom = sha },
        ];
    }

    public static TheoryData<string, bool> Sealers
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var kind in ArchiveFixture.S3Skipped ? new[] { "local" } : ["local", "s3"]) { data.Add(kind, false); data.Add(kind, true); }
            return data;
        }
    }

    [Theory, MemberData(nameof(Sealers))]
    public async Task A_seal_racing_twenty_uploads_seals_whole_uploads_only(string kind, bool sealOnAnotherInstance)
    {
        var archive = fx.Archive(kind);
        var sealer = sealOnAnotherInstance ? fx.Archive(kind) : archive;
        var id = ArchiveFixture.NewCaseId("race");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");

        var uploads = Enumerable.Range(0, 20).Select(n => Task.Run(() => archive.AddDocumentsAsync(id, ScanUpload(n), "clerk"))).ToList();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((await archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Events(id))).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline && !uploads.All(u => u.IsFaulted), "no upload was filed");
            await Task.Delay(1);
        }
        var seal = await sealer.SealAsync(id, "leader");

        int filed = 0, refused = 0;
        foreach (var u in uploads)
        {
            try { await u; filed++; }
            catch (CaseSealedException) { refused++; }
        }
        Assert.Equal(20, filed + refused);
        Assert.True(filed >= 1, "the seal waited for the first upload's event");
        var docs = seal.Case.Documents;
        Assert.Equal(3 * filed, docs.Count);
        foreach (var original in docs.Where(d => d.DerivedFrom is null))
            Assert.Equal(2, docs.Count(d => d.DerivedFrom == original.Sha256)); // never an original without its PDF and result

        var report = await new CaseVerifier(fx.Archive(kind)).VerifyAsync(id, "auditor");
        Assert.True(report.Passed, string.Join("\n", report.Failures)); // refused uploads left no objects behind
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_upload_is_listed_by_one_event_with_continuous_numbers(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("unit");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PngUpload("户口簿"), "clerk");
        var entries = await archive.AddDocumentsAsync(id, ScanUpload(1), "clerk");
        Assert.Equal([2, 3, 4], entries.Select(e => e.No));
        Assert.Equal(3, (await archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Events(id))).Count); // opened, one document, one upload
        var m = await fx.Archive(kind).GetManifestAsync(id);
        Assert.Equal(entries.Select(e => e.Sha256), m.Documents.Skip(1).Select(d => d.Sha256));
    }
}
