using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Checklist;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Opening;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;
using FormArchive.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Casework;

/// <summary>
/// The checklist's expired-card item names the member whose card it is when the back was tied to a front by the rule
/// the scanned persons use (the next file after a lone front), by name as the other items do and never by number.
/// Real OCR on the corpus front and a captured back that expired in 2013, filed on the service's disk archive.
/// </summary>
public sealed class ExpiredCardChecklistTests(ApiServer server) : IClassFixture<ApiServer>
{
    private CaseArchive Archive => server.App.Services.GetRequiredService<ArchiveHost>().Archive;
    private readonly string _township = "证件镇" + Guid.NewGuid().ToString("N")[..6];

    private async Task<CaseManifest> OpenAsync() => await CaseOpening.OpenAsync(Archive, new CaseApplication
    {
        Applicant = new CaseApplicant(CorpusName, CorpusIdNumber),
        Village = "杏花村",
        Categories = ["低保"],
        Members = [new CaseMember(CorpusName, CorpusIdNumber)],
    }, _township, "王五");

    private async Task FileAsync(CaseManifest m, string file, byte[] content, DocumentType hint)
    {
        var members = await CaseHousehold.ReadAsync(Archive, m, default);
        var scan = new ScanPipeline().Process(file, content, new IngestOptions { Hint = hint, Members = members });
        Assert.False(scan.IsRejected, scan.Rejected);
        await ScanFiling.FileAsync(Archive, await Archive.GetManifestAsync(m.CaseId), [new ScanToFile(file, "image/jpeg", content, scan)], "王五");
    }

    private static byte[] ExpiredBack() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Captures", "scan-0003.jpg"));

    private async Task<ChecklistItem> ExpiredItemAsync(string caseId) =>
        Assert.Single(await CaseChecklist.OfCaseAsync(Archive, await Archive.GetManifestAsync(caseId), ChinaTime.Today(), default), i => i.Code == "id-expired");

    [Fact]
    public async Task A_back_filed_after_its_front_names_the_member_and_a_back_filed_before_any_front_names_no_one()
    {
        var tied = await OpenAsync();
        await FileAsync(tied, "front.jpg", CorpusScan(), DocumentType.IdCardFront);
        await FileAsync(tied, "back.jpg", ExpiredBack(), DocumentType.IdCardBack);
        var item = await ExpiredItemAsync(tied.CaseId);
        Assert.Equal(CorpusName, item.Member);
        Assert.StartsWith($"{CorpusName}有效期内的居民身份证（已扫描的身份证于 ", item.Material);
        Assert.Contains("2013", item.Material);
        Assert.DoesNotContain(CorpusIdNumber, item.Material);
        Assert.DoesNotContain(IdNumberMasking.Mask(CorpusIdNumber), item.Material);

        // Scanned before the front, the back is no one's: the item stands, naming no member.
        var untied = await OpenAsync();
        await FileAsync(untied, "back.jpg", ExpiredBack(), DocumentType.IdCardBack);
        await FileAsync(untied, "front.jpg", CorpusScan(), DocumentType.IdCardFront);
        item = await ExpiredItemAsync(untied.CaseId);
        Assert.Null(item.Member);
        Assert.StartsWith("有效期内的居民身份证", item.Material);
    }
}
