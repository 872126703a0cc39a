using System.Text;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;
using FormArchive.Archive.Verify;

namespace FormArchive.Archive.Tests.Integrity;

/// <summary>
/// Repair before sealing: what a crash leaves (objects no event lists, a seal manifest whose event never came,
/// temporary files) is recorded or removed so that the sealed case verifies; a case missing a listed object is
/// refused with the reason.
/// </summary>
[Collection("archive")]
public sealed class RepairTests(ArchiveFixture fx)
{
    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Objects_of_an_interrupted_upload_are_recorded_unreferenced_and_the_sealed_case_verifies(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("orphan");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        // What a kill between the object writes and the event leaves: objects, no event.
        var orphan = Samples.Pdf("未登记的扫描件");
        var orphanKey = CaseKeys.Object(id, ContentDigest.Sha256Hex(orphan));
        await archive.Store.TryCreateAsync(StoreArea.Vault, orphanKey, orphan);
        // And a seal killed before its event: a manifest in the vault that no event names.
        var strayManifest = CaseKeys.SealedManifest(id, new string('a', 64));
        await archive.Store.TryCreateAsync(StoreArea.Vault, strayManifest, "{}"u8.ToArray());

        var seal = await fx.Archive(kind).SealAsync(id, "leader");
        Assert.Single(seal.Case.Documents);
        Assert.Equal(new[] { orphanKey, strayManifest }.Order(), seal.Case.Unreferenced.Order());
        Assert.Contains(orphanKey, Encoding.UTF8.GetString(seal.ManifestBytes)); // the signed manifest names them too

        var report = await new CaseVerifier(fx.Archive(kind)).VerifyAsync(id, "auditor");
        Assert.True(report.Passed, string.Join("\n", report.Failures));
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Sealing_refuses_a_case_whose_listed_object_is_missing_and_says_which(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("missing");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var doc = await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        await archive.Store.DeleteAsync(StoreArea.Vault, doc.Key);

        var e = await Assert.ThrowsAsync<CaseDamagedException>(() => fx.Archive(kind).SealAsync(id, "leader"));
        Assert.Contains("document 1 (申请书)", e.Message);
        Assert.Contains("missing", e.Message);
        Assert.False((await fx.Archive(kind).GetManifestAsync(id)).Sealed);
    }

    [Fact]
    public async Task Temporary_files_of_dead_writers_are_removed_and_those_of_live_ones_kept()
    {
        var archive = fx.Archive("local");
        var id = ArchiveFixture.NewCaseId("temps");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var folder = Path.GetDirectoryName(fx.Local.PathOf(StoreArea.Journal, CaseKeys.Event(id, 1)))!;
        // A process id that is certainly gone: a child that has exited.
        using var child = System.Diagnostics.Process.Start("true")!;
        child.WaitForExit();
        var dead = Path.Combine(folder, $".00000002.json.{child.Id}.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(folder, $".00000002.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(dead, "half an event");
        File.WriteAllText(live, "a write in progress");

        var result = await archive.RepairAsync(id);
        Assert.Equal(1, result.TempFilesRemoved);
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        File.Delete(live);
    }
}
