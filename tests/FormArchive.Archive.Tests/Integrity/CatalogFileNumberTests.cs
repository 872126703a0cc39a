using System.Security.Cryptography;
using FormArchive.Archive.Catalog;
using FormArchive.Archive.Fonds;
using FormArchive.Archive.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FormArchive.Archive.Tests.Integrity;

/// <summary>The clerk's file number and the 档号 are catalog fields; catalogs from before them get the columns on open.</summary>
[Collection("archive")]
public sealed class CatalogFileNumberTests(ArchiveFixture fx)
{
    private static readonly IdNumberLookup Lookup = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task A_case_is_found_by_its_file_number_and_an_old_catalog_is_migrated()
    {
        var path = Path.Combine(fx.DataRoot, "catalog-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        // A catalog as written before file numbers existed.
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE cases (case_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, title TEXT NOT NULL, applicant_name TEXT NOT NULL,
                    id_hash TEXT, id_masked TEXT NOT NULL, township TEXT NOT NULL, village TEXT NOT NULL, category TEXT NOT NULL,
                    stage TEXT NOT NULL, sealed INTEGER NOT NULL, opened_on TEXT, closed_on TEXT, sealed_at TEXT, sealed_on TEXT,
                    volume INTEGER NOT NULL, supplement_of TEXT, documents INTEGER NOT NULL);
                INSERT INTO cases VALUES ('OLD-1', 1, 't', '张三', NULL, '', '秋浦街道', '', '低保', '受理', 0, NULL, NULL, NULL, NULL, 1, NULL, 0);
                """;
            cmd.ExecuteNonQuery();
        }
        var catalog = new CaseCatalog(path, Lookup);
        var archive = new FormArchive.Archive.Cases.CaseArchive(fx.Local, fx.Signer, index: catalog);
        var id = ArchiveFixture.NewCaseId("fileno");
        await archive.OpenCaseAsync(Samples.Metadata(id) with { FileNumber = "秋浦-2025-017" }, "clerk");

        var found = catalog.Search(new CatalogQuery { FileNumber = "秋浦-2025-017" });
        Assert.Equal(id, found.Single().CaseId);
        Assert.Equal("秋浦-2025-017", found.Single().FileNumber);
        Assert.Contains(catalog.Search(new CatalogQuery { Township = "秋浦" }), e => e.CaseId == "OLD-1" && e.FileNumber is null && e.ArchivalCode is null);
        // The 档号 column came with the migration: without fonds settings it is the 案卷号 alone, as the cover prints it.
        Assert.Equal("秋浦-2025-017", found.Single().ArchivalCode);
        var configured = new CaseCatalog(path, Lookup, fonds: Fonds.FondsRegistryTests.Configured());
        await configured.UpdateAsync(await archive.GetManifestAsync(id), archive);
        Assert.Equal("J012-MZ3-秋浦-2025-017", configured.Search(new CatalogQuery { FileNumber = "秋浦-2025-017" }).Single().ArchivalCode);
    }

    [Fact]
    public async Task After_the_fonds_settings_change_an_open_case_shows_the_new_archival_code_and_a_sealed_one_its_sealed_code()
    {
        var path = Path.Combine(fx.DataRoot, "catalog-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var before = Fonds.FondsRegistryTests.Configured();
        var catalog = new CaseCatalog(path, Lookup, fonds: before);
        var archive = new FormArchive.Archive.Cases.CaseArchive(fx.Local, fx.Signer, index: catalog) { Fonds = before };
        var sealedId = ArchiveFixture.NewCaseId("fsealed");
        var openId = ArchiveFixture.NewCaseId("fopen");
        var scanId = ArchiveFixture.NewCaseId("fnumber");   // no file number of the clerk's: the case id is its 案卷号
        await archive.OpenCaseAsync(Samples.Metadata(sealedId) with { FileNumber = "秋浦-2025-017" }, "clerk");
        await archive.SealAsync(sealedId, "clerk");
        await archive.OpenCaseAsync(Samples.Metadata(openId) with { FileNumber = "秋浦-2025-018" }, "clerk");
        await archive.OpenCaseAsync(Samples.Metadata(scanId), "clerk");
        string? Code(CaseCatalog c, string id) => c.Search(new CatalogQuery { Township = "秋浦" }).Single(e => e.CaseId == id).ArchivalCode;
        Assert.Equal("J012-MZ3-秋浦-2025-017", Code(catalog, sealedId));
        Assert.Equal("J012-MZ3-秋浦-2025-018", Code(catalog, openId));

        // The service starts again with the operator's new codes for 秋浦街道; nothing is reindexed.
        var after = new FondsRegistry(new FondsUnit(), new Dictionary<string, FondsUnit> { ["秋浦街道"] = new() { FondsCode = "J999", CatalogNo = "ZZ9" } });
        var restarted = new CaseCatalog(path, Lookup, fonds: after);
        Assert.Equal("J999-ZZ9-秋浦-2025-018", Code(restarted, openId));
        Assert.Equal("J999-ZZ9-" + scanId, Code(restarted, scanId));
        Assert.Equal("J012-MZ3-秋浦-2025-017", Code(restarted, sealedId));   // the code its seal signed
        // As the cover printed now says.
        var reopened = new FormArchive.Archive.Cases.CaseArchive(fx.Local, fx.Signer) { Fonds = after };
        Assert.Equal(FormArchive.Archive.Cases.ArchivalReference.Of(await reopened.GetManifestAsync(openId), after).ArchivalCode, Code(restarted, openId));
    }
}
