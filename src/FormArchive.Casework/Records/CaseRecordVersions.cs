using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Opening;

namespace FormArchive.Casework.Records;

/// <summary>
/// The case data (templates/case.schema.json) kept as documents of the case: each save files a new document
/// under the same file name, so the append-only archive holds every version and the newest is the last one.
/// </summary>
public static class CaseRecordVersions
{
    public const string FileName = CaseHousehold.CaseRecordFileName;

    /// <summary>
    /// The document's title, which also keeps the stage it was saved at (the archive's entries have no other place
    /// for it, and the 卷内目录 then shows it): 案件数据（第 2 版，受理阶段）.
    /// </summary>
    public static string Title(int version, string? stage = null) =>
        stage is null ? $"案件数据（第 {version} 版）" : $"案件数据（第 {version} 版，{stage}阶段）";

    private static readonly System.Text.RegularExpressions.Regex StageInTitle = new(@"^案件数据（第 \d+ 版，(?<stage>.+)阶段）$");

    public static IReadOnlyList<CaseRecordVersion> List(CaseManifest m) =>
        m.Documents.Where(d => d.FileName == FileName)
            .Select((d, i) => new CaseRecordVersion(i + 1, d.No, d.AddedAt, d.AddedBy,
                StageInTitle.Match(d.Title) is { Success: true } s ? s.Groups["stage"].Value : null)).ToList();

    /// <summary>The stage the case is at now, by its recorded steps; null before the first, or when they do not replay.</summary>
    public static Task<string?> StageNowAsync(CaseManifest m, IStageLabelSource stages, CancellationToken ct) => stages.StageLabelAsync(m, ct);

    public static async Task<JsonObject?> ReadAsync(CaseArchive archive, CaseManifest m, CaseRecordVersion v, CancellationToken ct)
    {
        var d = m.Documents.Single(x => x.No == v.DocumentNo);
        var bytes = await archive.Store.GetAsync(StoreArea.Vault, d.Key, ct)
            ?? throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} is missing");
        try { return JsonNode.Parse(bytes) as JsonObject ?? throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} is not a JSON object"); }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} ({d.FileName}) is not readable: {e.Message}");
        }
    }

    /// <summary>
    /// Where a case without saved data starts: what the clerk gave when opening it (applicant, village, township,
    /// categories, members by name and ID number), shaped as the case schema.
    /// </summary>
    public static async Task<JsonObject> DraftAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var opened = await FiledApplication.ReadAsync(archive, m, ct);
        var draft = new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = m.Metadata.ApplicantName, ["id_number"] = m.Metadata.IdNumber },
            ["township"] = m.Metadata.Township,
            ["village"] = m.Metadata.Village,
            ["categories"] = new JsonArray((opened?.Categories ?? [m.Metadata.Category])
                .Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["members"] = new JsonArray((opened?.Members ?? []).Select(x => (JsonNode?)new JsonObject
            {
                ["name"] = x.Name, ["id_number"] = x.IdNumber,
                ["relationship"] = string.Equals(x.IdNumber, m.Metadata.IdNumber, StringComparison.OrdinalIgnoreCase) ? "本人" : null,
            }).ToArray()),
            ["acceptance"] = new JsonObject { ["unit"] = m.Metadata.Agency },
        };
        return draft;
    }
}
