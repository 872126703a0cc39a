using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Api.Cases;

/// <summary>
/// What the service files beside the documents so that it can be recomputed from the archive alone: the
/// case data given at creation (household members) and each scan's ingest result (types, ID numbers).
/// Both are JSON documents of the case, recognised by file name.
/// </summary>
public static class CaseData
{
    public const string CaseDataFileName = "case-data.json";
    public const string IngestResultSuffix = ".ingest.json";

    public static async Task<CreateCaseRequest?> ReadCaseDataAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var doc = m.Documents.LastOrDefault(d => d.FileName == CaseDataFileName);
        if (doc is null) return null;
        var bytes = await archive.Store.GetAsync(StoreArea.Vault, doc.Key, ct) ?? throw new ArchiveCorruptException($"case {m.CaseId}: case data is missing");
        return ArchiveJson.Read<CreateCaseRequest>(bytes, "case data");
    }

    public static async Task<IReadOnlyList<HouseholdMember>> MembersAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var data = await ReadCaseDataAsync(archive, m, ct);
        var members = data?.Members.Select(x => new HouseholdMember(x.Name, x.IdNumber, x.RequiresIdScan)).ToList() ?? [];
        // The applicant is always a member, even if the list forgot them.
        if (data?.Applicant is { } a && !string.IsNullOrWhiteSpace(a.IdNumber) && members.All(x => x.IdNumber != a.IdNumber))
            members.Insert(0, new HouseholdMember(a.Name, a.IdNumber));
        return members;
    }

    /// <summary>Every page ingested into the case so far.</summary>
    public static async Task<IReadOnlyList<PageResult>> PagesAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var pages = new List<PageResult>();
        foreach (var d in m.Documents.Where(d => d.FileName.EndsWith(IngestResultSuffix, StringComparison.Ordinal)))
        {
            var bytes = await archive.Store.GetAsync(StoreArea.Vault, d.Key, ct) ?? throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} is missing");
            try { pages.AddRange(ArchiveJson.Read<ScanResult>(bytes, d.FileName).Pages); }
            catch (JsonException e) { throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} is not an ingest result: {e.Message}"); }
        }
        return pages;
    }

    public static async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(CaseArchive archive, CaseManifest m, CancellationToken ct) =>
        CaseChecklist.Evaluate(await MembersAsync(archive, m, ct), await PagesAsync(archive, m, ct), ChinaTime.Today());
}
