using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;
using FormArchive.Archive.Verify;

namespace FormArchive.Archive.Tests.Integrity;

/// <summary>
/// The seal covers itself: who sealed and when come from the signed manifest. Forging the (unsigned) seal
/// event and recomputing the journal's manifest head is caught by verify and shown as damage, never believed.
/// </summary>
[Collection("archive")]
public sealed class SealFactsTests(ArchiveFixture fx)
{
    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_forged_seal_event_with_a_recomputed_head_fails_verify_and_is_not_believed(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("forge");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        var seal = await archive.SealAsync(id, "王科长");
        var store = archive.Store;

        // The attack: rewrite actor and time of the seal event, then the head in the journal's manifest.json.
        var evKey = CaseKeys.Event(id, seal.Case.Seq);
        var ev = JsonNode.Parse((await store.GetAsync(StoreArea.Journal, evKey))!)!;
        ev["actor"] = "某领导";
        ev["at"] = "2020-01-01T00:00:00+00:00";
        var forged = System.Text.Encoding.UTF8.GetBytes(ev.ToJsonString());
        await store.PutAsync(StoreArea.Journal, evKey, forged);
        var snap = JsonNode.Parse((await store.GetAsync(StoreArea.Journal, CaseKeys.CurrentManifest(id)))!)!;
        snap["head"] = ContentDigest.Sha256Hex(forged);
        snap["sealedBy"] = "某领导";
        snap["sealedAt"] = "2020-01-01T00:00:00+00:00";
        await store.PutAsync(StoreArea.Journal, CaseKeys.CurrentManifest(id), System.Text.Encoding.UTF8.GetBytes(snap.ToJsonString()));

        var report = await new CaseVerifier(fx.Archive(kind)).VerifyAsync(id, "auditor");
        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Category == CheckCategory.Authenticity && f.Item == "1.2" && f.Name == "封存人及封存时间与签名清单一致");

        var restarted = await fx.Archive(kind).GetManifestAsync(id);   // a new instance: as after a restart
        Assert.Equal("王科长", restarted.SealedBy);
        Assert.Equal(seal.Case.SealedAt, restarted.SealedAt);
        Assert.True(restarted.Sealed);
        Assert.Contains("differs from the signed manifest", restarted.Damage);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Seal_facts_read_back_equal_the_signed_manifest(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("facts");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        var seal = await archive.SealAsync(id, "王科长");
        var signed = ArchiveJson.Read<FormArchive.Archive.Cases.SealedManifest>(seal.ManifestBytes, "manifest");
        var read = await fx.Archive(kind).GetManifestAsync(id);
        Assert.Null(read.Damage);
        Assert.Equal((signed.SealedBy, signed.SealedAt), (read.SealedBy!, read.SealedAt!.Value));
    }
}
