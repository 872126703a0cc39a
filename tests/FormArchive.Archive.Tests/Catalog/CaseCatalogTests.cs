using System.Security.Cryptography;
using System.Text;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;

namespace FormArchive.Archive.Tests.Catalog;

[Collection("archive")]
public sealed class CaseCatalogTests(ArchiveFixture fx)
{
    private static readonly IdNumberLookup Lookup = new(RandomNumberGenerator.GetBytes(32));

    private CaseCatalog NewCatalog() => new(Path.Combine(fx.DataRoot, "catalogs", Guid.NewGuid().ToString("N") + ".db"), Lookup);

    /// <summary>Three cases in places no other test uses, so that searches of the shared store see only these.</summary>
    private static async Task<(string[] Ids, string Token)> CasesAsync(CaseArchive archive)
    {
        var token = Guid.NewGuid().ToString("N")[..6];
        var people = new[]
        {
            (Name: "王" + token, Id: "34170219800101" + Random.Shared.Next(100, 999) + "X", Village: "杏花村" + token, Category: "低保", Opened: new DateOnly(2025, 1, 10)),
            (Name: "赵" + token, Id: "34170219751231" + Random.Shared.Next(1000, 9999), Village: "梅东村" + token, Category: "特困", Opened: new DateOnly(2025, 2, 20)),
            (Name: "钱" + token, Id: "34170219900615" + Random.Shared.Next(1000, 9999), Village: "梅东村" + token, Category: "低保", Opened: new DateOnly(2025, 3, 30)),
        };
        var ids = new List<string>();
        foreach (var p in people)
        {
            var id = ArchiveFixture.NewCaseId("cat");
            await archive.OpenCaseAsync(Samples.Metadata(id) with
            {
                ApplicantName = p.Name,
                IdNumber = p.Id,
                Township = "秋浦街道" + token,
                Village = p.Village,
                Category = p.Category,
                OpenedOn = p.Opened,
            }, "clerk");
            await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
            ids.Add(id);
        }
        await archive.SealAsync(ids[0], "archivist");
        return (ids.ToArray(), token);
    }

    private static string[] Find(CaseCatalog catalog, CatalogQuery q) => catalog.Search(q).Select(e => e.CaseId).Order().ToArray();

    private static List<(string What, string[] Found)> SearchEveryWay(CaseCatalog catalog, string token, string firstIdNumber)
    {
        var town = "秋浦街道" + token;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return
        [
            ("id", Find(catalog, new CatalogQuery { IdNumber = firstIdNumber })),
            ("id lowercase x, spaced, full-width", Find(catalog, new CatalogQuery { IdNumber = " " + string.Concat(firstIdNumber.ToLowerInvariant().Select(c => c == 'x' ? 'ｘ' : c)) + " " })),
            ("name", Find(catalog, new CatalogQuery { ApplicantName = "赵" + token })),
            ("name part", Find(catalog, new CatalogQuery { ApplicantName = token })),
            ("township", Find(catalog, new CatalogQuery { Township = town })),
            ("village", Find(catalog, new CatalogQuery { Village = "梅东村" + token })),
            ("category", Find(catalog, new CatalogQuery { Township = town, Category = "低保" })),
            ("sealed", Find(catalog, new CatalogQuery { Township = town, Status = SealState.Sealed })),
            ("open", Find(catalog, new CatalogQuery { Township = town, Status = SealState.Open })),
            ("opened range", Find(catalog, new CatalogQuery { Township = town, OpenedFrom = new DateOnly(2025, 2, 1), OpenedTo = new DateOnly(2025, 3, 30) })),
            ("sealed today", Find(catalog, new CatalogQuery { Township = town, SealedFrom = today.AddDays(-1), SealedTo = today.AddDays(1) })),
            ("wildcards are literal", Find(catalog, new CatalogQuery { Township = "%" })),
        ];
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Cases_are_found_every_way_and_a_rebuilt_index_finds_the_same(string kind)
    {
        var catalog = NewCatalog();
        var archive = new CaseArchive(fx.Store(kind), fx.Signer, new RetentionPolicy(RetentionMode.Governance, 1), index: catalog);
        archive.IndexFailed += (_, e) => throw new Xunit.Sdk.XunitException("index update failed: " + e);
        var (ids, token) = await CasesAsync(archive);
        var idNumber = (await archive.GetManifestAsync(ids[0])).Metadata.IdNumber;

        var before = SearchEveryWay(catalog, token, idNumber);
        string[] S(params int[] which) => which.Select(i => ids[i]).Order().ToArray();
        Assert.Equal(S(0), before.Single(b => b.What == "id").Found);
        Assert.Equal(S(0), before.Single(b => b.What.StartsWith("id lowercase")).Found);
        Assert.Equal(S(1), before.Single(b => b.What == "name").Found);
        Assert.Equal(S(0, 1, 2), before.Single(b => b.What == "name part").Found);
        Assert.Equal(S(0, 1, 2), before.Single(b => b.What == "township").Found);
        Assert.Equal(S(1, 2), before.Single(b => b.What == "village").Found);
        Assert.Equal(S(0, 2), before.Single(b => b.What == "category").Found);
        Assert.Equal(S(0), before.Single(b => b.What == "sealed").Found);
        Assert.Equal(S(1, 2), before.Single(b => b.What == "open").Found);
        Assert.Equal(S(1, 2), before.Single(b => b.What == "opened range").Found);
        Assert.Equal(S(0), before.Single(b => b.What == "sealed today").Found);
        Assert.Empty(before.Single(b => b.What == "wildcards are literal").Found);

        var row = catalog.Search(new CatalogQuery { IdNumber = idNumber }).Single();
        Assert.Equal(SealState.Sealed, row.Status);
        Assert.Equal(idNumber[..6] + "********" + idNumber[^4..], row.IdNumberMasked);
        Assert.Equal(1, row.Documents);

        // Delete the index, rebuild it from the store: the same answers.
        File.Delete(catalog.Path);
        File.Delete(catalog.Path + "-wal");
        File.Delete(catalog.Path + "-shm");
        var rebuilt = new CaseCatalog(catalog.Path, Lookup);
        Assert.Empty(Find(rebuilt, new CatalogQuery { Township = "秋浦街道" + token }));
        var result = await rebuilt.ReindexAsync(new CaseArchive(fx.Store(kind), fx.Signer));
        Assert.True(result.Cases >= 3);
        Assert.Equal(result.Cases, rebuilt.Count());
        var after = SearchEveryWay(rebuilt, token, idNumber);
        Assert.Equal(before.Select(b => (b.What, string.Join(",", b.Found))), after.Select(a => (a.What, string.Join(",", a.Found))));
    }

    [Fact]
    public async Task The_index_never_holds_an_ID_number_in_clear()
    {
        var catalog = NewCatalog();
        var archive = new CaseArchive(fx.Local, fx.Signer, index: catalog);
        var (ids, _) = await CasesAsync(archive);
        await catalog.ReindexAsync(archive);
        foreach (var id in ids)
        {
            var number = (await archive.GetManifestAsync(id)).Metadata.IdNumber;
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(catalog.Path)!, Path.GetFileName(catalog.Path) + "*"))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(number)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(number[6..14])));   // not even the birth date
            }
        }
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Changes_made_by_another_instance_reach_the_index_when_this_one_reads_the_case(string kind)
    {
        var catalog = NewCatalog();
        var indexed = new CaseArchive(fx.Store(kind), fx.Signer, new RetentionPolicy(RetentionMode.Governance, 1), index: catalog);
        var id = ArchiveFixture.NewCaseId("cat");
        await indexed.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var other = fx.Archive(kind);   // another API server, without this catalog
        await other.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        await other.SealAsync(id, "archivist");
        Assert.Equal(SealState.Open, catalog.Search(new CatalogQuery { IdNumber = Samples.Metadata(id).IdNumber }).Single(e => e.CaseId == id).Status);

        await indexed.GetManifestAsync(id);

        var row = catalog.Search(new CatalogQuery { Status = SealState.Sealed, Limit = 10_000 }).Single(e => e.CaseId == id);
        Assert.Equal(1, row.Documents);
    }
}
