using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework.Checklist;
using FormArchive.Casework.Corrections;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Volumes;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Casework;

/// <summary>Casework's filing services on the service's real disk archive: opening, scans, corrections, checklist, 补充卷.</summary>
public sealed class CaseworkServiceTests(ApiServer server) : CaseworkServiceSuite(server), IClassFixture<ApiServer>;

/// <summary>The same services on the S3 store (Ceph RGW).</summary>
[Collection(S3ApiCollection.Name)]
public sealed class CaseworkServiceS3Tests(S3ApiServer server) : CaseworkServiceSuite(server);

/// <summary>The Casework service tests, run on each store; each test works in a township of its own.</summary>
public abstract class CaseworkServiceSuite(ApiServer server)
{
    private ArchiveHost Host => server.App.Services.GetRequiredService<ArchiveHost>();
    private CaseArchive Archive => Host.Archive;
    private readonly string _township = "服务镇" + Guid.NewGuid().ToString("N")[..6];

    private static CaseApplication Application(string? fileNumber = null, params string[] categories) => new()
    {
        FileNumber = fileNumber,
        Applicant = new CaseApplicant(CorpusName, CorpusIdNumber),
        Village = "杏花村",
        Categories = categories.Length == 0 ? ["低保"] : categories,
        Members = [new CaseMember(CorpusName, CorpusIdNumber)],
    };

    private IReadOnlyList<CatalogEntry> InTownship() =>
        Host.Catalog.Search(new CatalogQuery { Township = _township, Limit = 1000 }).Where(e => e.Township == _township).ToList();

    [Fact]
    public async Task Opening_files_the_case_data_in_the_opening_event_itself()
    {
        var m = await CaseOpening.OpenAsync(Archive, Application("F-1", "低保边缘", "特困"), _township, "王五");
        Assert.Equal(1, m.Seq); // one event: the case never exists without its household
        var data = Assert.Single(m.Documents);
        Assert.Equal(CaseHousehold.CaseDataFileName, data.FileName);
        Assert.Equal("低保边缘", m.Metadata.Category); // the catalog's first category
        Assert.Equal(_township, m.Metadata.Township);
        var stored = await FiledApplication.ReadAsync(Archive, m, default);
        Assert.Equal(m.CaseId, stored!.CaseId);
        Assert.Equal(_township, stored.Township);
        Assert.Equal(["低保边缘", "特困"], stored.Categories);
        var member = Assert.Single(await CaseHousehold.ReadAsync(Archive, m, default));
        Assert.Equal(CorpusIdNumber, member.IdNumber);
    }

    [Fact]
    public async Task Opening_refuses_a_bad_application_naming_every_field_or_a_taken_file_number_and_writes_nothing()
    {
        var bad = Application() with
        {
            CaseId = "20240101-abcdef",
            Categories = ["低保", "救济粮"],
            Members = [new CaseMember(CorpusName, "370202194004297734")], // check digit wrong
        };
        var refused = await Assert.ThrowsAsync<CaseApplicationException>(() => CaseOpening.OpenAsync(Archive, bad, _township, "王五"));
        Assert.Equal(["$.caseId", "$.categories[1]", "$.members[0].idNumber"], refused.Problems.Select(p => p.Path));
        Assert.Empty(InTownship());

        var first = await CaseOpening.OpenAsync(Archive, Application("F-7"), _township, "王五");
        var taken = await Assert.ThrowsAsync<FileNumberInUseException>(() => CaseOpening.OpenAsync(Archive, Application(" F-7 "), _township, "王五"));
        Assert.Equal(first.CaseId, taken.Holder);
        Assert.Equal(first.CaseId, Assert.Single(InTownship()).CaseId);
        // Unique within a township only.
        await CaseOpening.OpenAsync(Archive, Application("F-7"), _township + "东", "王五");
    }

    [Fact]
    public async Task A_scan_is_filed_as_one_record_its_pages_feed_the_checklist_and_a_correction_changes_them()
    {
        var m = await CaseOpening.OpenAsync(Archive, Application(), _township, "王五");
        var members = await CaseHousehold.ReadAsync(Archive, m, default);
        var scan = new ScanPipeline().Process("scan-0000.jpg", CorpusScan(), new IngestOptions { Hint = DocumentType.IdCardFront, Members = members });
        Assert.False(scan.IsRejected, scan.Rejected);

        var filed = Assert.Single(await ScanFiling.FileAsync(Archive, m, [new ScanToFile("scan-0000.jpg", "image/jpeg", CorpusScan(), scan)], "王五"));
        var after = await Archive.GetManifestAsync(m.CaseId);
        Assert.Equal(m.Seq + 1, after.Seq); // original, searchable PDF and ingest result in one event
        Assert.Equal([2, 3, 4], new[] { filed.Original.No, filed.SearchablePdf.No, filed.IngestResult.No });
        Assert.Equal(filed.Original.Sha256, filed.SearchablePdf.DerivedFrom);
        Assert.Equal(filed.Original.Sha256, filed.IngestResult.DerivedFrom);
        Assert.Equal("application/pdf", filed.SearchablePdf.MediaType);
        // The 卷内目录 lists the OCR result as the system's, in Chinese like every other 责任者.
        Assert.Equal("系统识别", filed.IngestResult.ResponsibleParty);

        var page = Assert.Single(await ScannedPages.ReadAsync(Archive, after, members, default));
        Assert.Equal(new ScanDocuments(2, 3, 4), page.Documents);
        var items = await CaseChecklist.OfCaseAsync(Archive, after, ChinaTime.Today(), default);
        Assert.True(items.Single(i => i.Code == "id-front" && i.Member == CorpusName).Present);
        Assert.False(items.Single(i => i.Code == "bank").Present);

        // A page the scan does not have: refused by field, nothing filed.
        var missing = await Assert.ThrowsAsync<CorrectionRefusedException>(() =>
            PageCorrections.FileAsync(Archive, after, new PageCorrectionRequest { Document = 4, Page = 2, Type = "bank" }, "王五"));
        Assert.True(missing.NotFound);
        Assert.Equal("$.page", missing.Path);
        var bad = await Assert.ThrowsAsync<CorrectionRefusedException>(() =>
            PageCorrections.FileAsync(Archive, after, new PageCorrectionRequest { Document = 3, Page = 1, Type = "banknote" }, "王五"));
        Assert.False(bad.NotFound);
        Assert.Equal(after.Seq, (await Archive.GetManifestAsync(m.CaseId)).Seq);

        var corrected = await PageCorrections.FileAsync(Archive, after, new PageCorrectionRequest { Document = 3, Page = 1, Type = "bank", Reason = "银行卡误识" }, "王五");
        Assert.Equal(5, corrected.Entry.No);
        Assert.Equal(filed.IngestResult.Sha256, corrected.Entry.DerivedFrom);
        Assert.Equal("scan-0000.p1" + PageCorrection.FileSuffix, corrected.Entry.FileName);
        Assert.Equal(DocumentType.BankAccount, corrected.Page.Page.Type);
        Assert.Equal(DocumentType.IdCardFront, corrected.Page.Read.Type); // the ingest result itself is never changed
        var latest = await Archive.GetManifestAsync(m.CaseId);
        var items2 = await CaseChecklist.OfCaseAsync(Archive, latest, ChinaTime.Today(), default);
        Assert.True(items2.Single(i => i.Code == "bank").Present);
        Assert.False(items2.Single(i => i.Code == "id-front").Present);
        Assert.Equal([5], Assert.Single(await ScannedPages.ReadAsync(Archive, latest, members, default)).Corrections);
    }

    [Fact]
    public async Task A_refused_scan_or_an_empty_upload_files_nothing()
    {
        var m = await CaseOpening.OpenAsync(Archive, Application(), _township, "王五");
        var refused = new ScanResult { File = "x.jpg", Rejected = "not an image" };
        var good = new ScanPipeline().Process("scan-0000.jpg", CorpusScan(), new IngestOptions { Hint = DocumentType.IdCardFront });
        await Assert.ThrowsAsync<ArgumentException>(() => ScanFiling.FileAsync(Archive, m,
            [new ScanToFile("scan-0000.jpg", "image/jpeg", CorpusScan(), good), new ScanToFile("x.jpg", "image/jpeg", [1, 2, 3], refused)], "王五"));
        await Assert.ThrowsAsync<ArgumentException>(() => ScanFiling.FileAsync(Archive, m, [], "王五"));
        Assert.Equal(m.Seq, (await Archive.GetManifestAsync(m.CaseId)).Seq);
    }

    [Fact]
    public async Task A_supplement_volume_opens_with_its_case_data_in_one_event_and_racing_openers_share_it()
    {
        var m = await CaseOpening.OpenAsync(Archive, Application(), _township, "王五");
        await Archive.SealAsync(m.CaseId, "王五");
        var sealedCase = await Archive.GetManifestAsync(m.CaseId);

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SupplementVolumes.OpenAsync(Archive, sealedCase, "王五", default, joinOpen: true))));
        var volume = Assert.Single(opened.Select(v => v.CaseId).Distinct());
        Assert.Equal(CaseKeys.VolumeId(m.CaseId, 2), volume);
        await Assert.ThrowsAsync<CaseNotFoundException>(() => Archive.GetManifestAsync(CaseKeys.VolumeId(m.CaseId, 3)));
        var v2 = await Archive.GetManifestAsync(volume);
        Assert.Equal(1, v2.Seq);
        Assert.Equal(m.Documents[0].Sha256, Assert.Single(v2.Documents).Sha256); // the same household bytes
        Assert.Equal(v2.CaseId, (await SupplementVolumes.OpenVolumeAsync(Archive, sealedCase, default))!.CaseId);
        Assert.Equal([m.CaseId, volume], (await SupplementVolumes.AllVolumesAsync(Archive, sealedCase, default)).Select(x => x.CaseId));
        Assert.Equal([m.CaseId, volume], (await SupplementVolumes.AllVolumesAsync(Archive, v2, default)).Select(x => x.CaseId));
        // The checklist of the volume counts what the sealed volume holds; members come with the copied case data.
        Assert.Single(await CaseHousehold.ReadAsync(Archive, v2, default));
    }
}
