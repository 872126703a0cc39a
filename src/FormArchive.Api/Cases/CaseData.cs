using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Api.Cases;

/// <summary>
/// What the service files beside the documents so that it can be recomputed from the archive alone: the
/// case data given at creation (household members), each scan's ingest result (types, ID numbers) and the
/// clerks' corrections of those results. All are JSON documents of the case, recognised by file name.
/// </summary>
public static class CaseData
{
    public const string CaseDataFileName = FormArchive.Casework.Filing.CaseHousehold.CaseDataFileName;
    public const string IngestResultSuffix = FormArchive.Casework.Filing.ScanRecord.IngestResultSuffix;
    public const string CorrectionSuffix = ".correction.json";

    /// <summary>The uploaded file's name without extension, from its ingest result's file name.</summary>
    public static string IngestResultStem(string ingestResultFileName) =>
        ingestResultFileName.EndsWith(IngestResultSuffix, StringComparison.Ordinal) ? ingestResultFileName[..^IngestResultSuffix.Length] : Path.GetFileNameWithoutExtension(ingestResultFileName);

    public static async Task<CreateCaseRequest?> ReadCaseDataAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var doc = m.Documents.LastOrDefault(d => d.FileName == CaseDataFileName);
        return doc is null ? null : await ReadJsonAsync<CreateCaseRequest>(archive, m, doc, ct);
    }

    public static Task<IReadOnlyList<HouseholdMember>> MembersAsync(CaseArchive archive, CaseManifest m, CancellationToken ct) =>
        FormArchive.Casework.Filing.CaseHousehold.ReadAsync(archive, m, ct);

    /// <summary>
    /// What the case has and lacks. A 补充卷 counts the pages of the volumes before it too: it completes the case,
    /// so a material filed before sealing is not asked for again.
    /// </summary>
    public static async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var members = await MembersAsync(archive, m, ct);
        var pages = new List<PageResult>();
        foreach (var volume in (await SupplementVolumes.EarlierVolumesAsync(archive, m, ct)).Append(m))
            pages.AddRange((await ScannedPages.ReadAsync(archive, volume, members, ct)).Select(p => p.Page));
        return CaseChecklist.Evaluate(members, pages, ChinaTime.Today());
    }

    /// <summary>A JSON document of the case, read from the vault; unreadable JSON means the archive is damaged.</summary>
    public static async Task<T> ReadJsonAsync<T>(CaseArchive archive, CaseManifest m, DocumentEntry d, CancellationToken ct)
    {
        var bytes = await archive.Store.GetAsync(StoreArea.Vault, d.Key, ct) ?? throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} is missing");
        try { return ArchiveJson.Read<T>(bytes, d.FileName); }
        catch (JsonException e) { throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} ({d.FileName}) is not readable: {e.Message}"); }
    }
}
