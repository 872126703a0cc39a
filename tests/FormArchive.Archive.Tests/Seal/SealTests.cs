using FormArchive.Archive.Cases;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;
using Minio;
using Minio.DataModel.Args;

namespace FormArchive.Archive.Tests.Seal;

[Collection("archive")]
public sealed class SealTests(ArchiveFixture fx)
{
    private async Task<(CaseArchive Archive, string Id)> CaseWithDocumentsAsync(string kind, int count = 3)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("seal");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        for (int i = 1; i <= count; i++) await archive.AddDocumentAsync(id, Samples.PdfUpload($"材料{i}"), "clerk");
        return (archive, id);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Sealing_signs_every_object_and_refuses_later_writes(string kind)
    {
        var (archive, id) = await CaseWithDocumentsAsync(kind);
        var seal = await archive.SealAsync(id, "档案员王五");

        Assert.True(fx.Signer.Verify(seal.ManifestBytes, seal.Signature));
        var manifest = ArchiveJson.Read<SealedManifest>(seal.ManifestBytes, "manifest");
        Assert.Equal(3, manifest.Documents.Count);
        Assert.All(manifest.Documents, d => Assert.True(d.Size > 0 && d.Sha256.Length == 64 && d.Sm3.Length == 64));
        Assert.Equal("档案员王五", manifest.SealedBy);
        Assert.Equal(fx.Signer.KeyId, manifest.KeyId);
        Assert.Equal("110105194912310029", manifest.Metadata.IdNumber);

        // Another instance (another API server) refuses too.
        var other = fx.Archive(kind);
        await Assert.ThrowsAsync<CaseSealedException>(() => other.AddDocumentAsync(id, Samples.PdfUpload("迟到的材料"), "clerk"));
        await Assert.ThrowsAsync<CaseSealedException>(() => archive.UpdateMetadataAsync(Samples.Metadata(id) with { Status = "办结" }, "clerk"));
        await Assert.ThrowsAsync<CaseSealedException>(() => other.SealAsync(id, "clerk"));
        var read = await other.ReadSealAsync(id);
        Assert.Equal(seal.ManifestBytes, read.ManifestBytes);
        Assert.Equal(3, (await other.GetManifestAsync(id)).Documents.Count);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_seal_racing_uploads_lists_exactly_what_got_in_before_it(string kind)
    {
        var (archive, id) = await CaseWithDocumentsAsync(kind, 1);
        var writers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try { await fx.Archive(kind).AddDocumentAsync(id, Samples.PdfUpload($"并发{i}") with { Content = [.. Samples.Pdf("p"), (byte)i] }, "c"); return true; }
            catch (CaseSealedException) { return false; }
        })).ToArray();
        var seal = await Task.Run(() => fx.Archive(kind).SealAsync(id, "sealer"));
        var accepted = (await Task.WhenAll(writers)).Count(ok => ok);

        var sealedDocs = ArchiveJson.Read<SealedManifest>(seal.ManifestBytes, "m").Documents;
        Assert.Equal(1 + accepted, sealedDocs.Count);
        Assert.Equal(sealedDocs.Count, (await archive.GetManifestAsync(id)).Documents.Count);
        // No rejected upload left an object behind.
        Assert.Equal(sealedDocs.Select(d => d.Key).Distinct().Count(), (await fx.Store(kind).ListAsync(StoreArea.Vault, CaseKeys.Objects(id))).Count);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Corrections_go_into_a_linked_supplementary_volume(string kind)
    {
        var (archive, id) = await CaseWithDocumentsAsync(kind, 1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => archive.OpenSupplementAsync(id, "clerk"));
        await archive.SealAsync(id, "clerk");
        var v2 = await archive.OpenSupplementAsync(id, "clerk");
        Assert.Equal(id + "-V2", v2.CaseId);
        Assert.Equal((id, 2), (v2.Metadata.SupplementOf, v2.Metadata.Volume));
        await archive.AddDocumentAsync(v2.CaseId, Samples.PdfUpload("更正说明"), "clerk");
        await archive.SealAsync(v2.CaseId, "clerk");
        var v3 = await fx.Archive(kind).OpenSupplementAsync(v2.CaseId, "clerk");
        Assert.Equal(id + "-V3", v3.CaseId);
        Assert.Single((await archive.GetManifestAsync(id)).Documents);
    }

    [Fact]
    public void The_embedded_key_is_generated_once_and_reloaded()
    {
        var path = Path.Combine(fx.DataRoot, "keys-" + Guid.NewGuid().ToString("N"), "seal.pem");
        var first = SealSigner.LoadOrCreate(path);
        var again = SealSigner.LoadOrCreate(path);
        Assert.Equal(first.KeyId, again.KeyId);
        var sig = first.Sign("x"u8);
        Assert.True(SealSigner.FromPublicPem(File.ReadAllText(path + ".pub")).Verify("x"u8, sig));
        Assert.False(again.Verify("y"u8, sig));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [S3Fact]
    public async Task On_S3_sealed_objects_are_under_object_lock_retention()
    {
        var (archive, id) = await CaseWithDocumentsAsync("s3", 2);
        var seal = await archive.SealAsync(id, "clerk");
        var o = fx.S3Options!;
        using var client = (MinioClient)new MinioClient().WithEndpoint(o.Endpoint).WithCredentials(o.AccessKey, o.SecretKey).Build();
        var key = seal.Case.Documents[0].Key;
        var retention = await client.GetObjectRetentionAsync(new GetObjectRetentionArgs().WithBucket(o.Bucket).WithObject(key));
        Assert.Equal(Minio.DataModel.ObjectLock.ObjectRetentionMode.GOVERNANCE, retention.Mode);
        Assert.True(DateTime.Parse(retention.RetainUntilDate, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal) > DateTime.UtcNow.AddDays(300));
        // Deleting the locked version itself is refused by the server.
        var stat = await client.StatObjectAsync(new StatObjectArgs().WithBucket(o.Bucket).WithObject(key));
        await Assert.ThrowsAnyAsync<Exception>(() => client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(o.Bucket).WithObject(key).WithVersionId(stat.VersionId)));
        Assert.NotNull(await client.StatObjectAsync(new StatObjectArgs().WithBucket(o.Bucket).WithObject(key).WithVersionId(stat.VersionId)));
    }
}
