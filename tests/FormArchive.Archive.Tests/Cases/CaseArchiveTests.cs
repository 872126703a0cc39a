using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;

namespace FormArchive.Archive.Tests.Cases;

[Collection("archive")]
public sealed class CaseArchiveTests(ArchiveFixture fx)
{
    [Fact]
    public void Sm3_matches_the_standard_test_vector()
    {
        // GB/T 32905-2016, example 1: SM3("abc").
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", ContentDigest.Sm3Hex("abc"u8));
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Documents_are_content_addressed_and_listed_with_both_hashes(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId();
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk-1");
        var upload = Samples.PdfUpload("低保申请书");
        var doc = await archive.AddDocumentAsync(id, upload, "clerk-1");
        var again = await archive.AddDocumentAsync(id, upload with { Title = "低保申请书（复印件）" }, "clerk-1");

        Assert.Equal((1, 2), (doc.No, again.No));
        Assert.Equal(ContentDigest.Sha256Hex(upload.Content), doc.Sha256);
        Assert.Equal(ContentDigest.Sm3Hex(upload.Content), doc.Sm3);
        Assert.Equal(CaseKeys.Object(id, doc.Sha256), doc.Key);
        Assert.Equal(doc.Key, again.Key); // same bytes, one object
        Assert.Single(await archive.Store.ListAsync(StoreArea.Vault, CaseKeys.Objects(id)));
        var (_, bytes) = await archive.GetDocumentAsync(id, 1, "auditor");
        Assert.Equal(upload.Content, bytes);
        Assert.Contains(await archive.ReadAccessLogAsync(id), a => a.Action == "read document 1");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Parallel_uploads_from_several_instances_lose_nothing(string kind)
    {
        const int instances = 4, writersEach = 12;
        var id = ArchiveFixture.NewCaseId("par");
        await fx.Archive(kind).OpenCaseAsync(Samples.Metadata(id), "clerk");
        var archives = Enumerable.Range(0, instances).Select(_ => fx.Archive(kind)).ToArray();
        var uploads = Enumerable.Range(0, instances * writersEach)
            .Select(i => Samples.PdfUpload($"材料{i:D3}") with { Content = [.. Samples.Pdf("x"), .. BitConverter.GetBytes(i)] })
            .ToArray();

        await Task.WhenAll(uploads.Select((u, i) => Task.Run(() => archives[i % instances].AddDocumentAsync(id, u, $"clerk-{i % instances}"))));

        var manifest = await fx.Archive(kind).GetManifestAsync(id);
        Assert.Equal(uploads.Length, manifest.Documents.Count);
        Assert.Equal(Enumerable.Range(1, uploads.Length), manifest.Documents.Select(d => d.No));
        Assert.Equal(uploads.Select(u => u.Title).Order(), manifest.Documents.Select(d => d.Title).Order());
        Assert.Equal(uploads.Length + 1, manifest.Seq);
        Assert.Equal(uploads.Length, (await fx.Store(kind).ListAsync(StoreArea.Vault, CaseKeys.Objects(id))).Count);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_case_id_opens_once(string kind)
    {
        var id = ArchiveFixture.NewCaseId();
        await fx.Archive(kind).OpenCaseAsync(Samples.Metadata(id), "a");
        await Assert.ThrowsAsync<CaseExistsException>(() => fx.Archive(kind).OpenCaseAsync(Samples.Metadata(id), "b"));
        await Assert.ThrowsAsync<CaseNotFoundException>(() => fx.Archive(kind).GetManifestAsync(ArchiveFixture.NewCaseId("none")));
    }

    [Fact]
    public void Metadata_never_prints_the_full_id_number()
    {
        var text = Samples.Metadata("c1").ToString();
        Assert.DoesNotContain("110105194912310029", text);
        Assert.Contains("110105********0029", text);
    }
}
