using System.Text.Json;
using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Filing;

/// <summary>
/// The household of a case as its stored data gives it: the members, and the applicant, who is always a member even
/// if the list forgot them. Scans are matched against it. The newest saved case data (<c>case-record.json</c>, the
/// full case schema the clerk keeps up to date) wins over what was given when the case was opened (<c>case-data.json</c>).
/// </summary>
public static class CaseHousehold
{
    public const string CaseDataFileName = "case-data.json";
    /// <summary>A version of the full case data (templates/case.schema.json); the last one filed is the newest.</summary>
    public const string CaseRecordFileName = "case-record.json";

    public static async Task<IReadOnlyList<HouseholdMember>> ReadAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var opened = m.Documents.LastOrDefault(d => d.FileName == CaseDataFileName) is { } doc ? Of(await ReadJsonAsync(archive, m, doc, ct)) : [];
        return m.Documents.LastOrDefault(d => d.FileName == CaseRecordFileName) is { } record
            ? OfRecord(await ReadJsonAsync(archive, m, record, ct), opened)
            : opened;
    }

    private static async Task<JsonNode?> ReadJsonAsync(CaseArchive archive, CaseManifest m, DocumentEntry doc, CancellationToken ct)
    {
        var bytes = await archive.Store.GetAsync(StoreArea.Vault, doc.Key, ct)
            ?? throw new ArchiveCorruptException($"case {m.CaseId}: document {doc.No} is missing");
        try { return JsonNode.Parse(bytes); }
        catch (JsonException e) { throw new ArchiveCorruptException($"case {m.CaseId}: document {doc.No} ({doc.FileName}) is not readable: {e.Message}"); }
    }

    /// <summary>
    /// Members from a saved case record (snake_case: <c>members[].name/id_number</c>, <c>applicant</c>); a member
    /// without an ID number cannot be matched and is left out. Whether a member's ID card is asked for is kept from the
    /// opening data of the same number (the record has no such field), else asked for.
    /// </summary>
    public static IReadOnlyList<HouseholdMember> OfRecord(JsonNode? record, IReadOnlyList<HouseholdMember> opened)
    {
        var members = new List<HouseholdMember>();
        void Add(JsonNode? x)
        {
            if (Text(x?["name"]) is not { } name || Text(x?["id_number"])?.ToUpperInvariant() is not { } id) return;
            if (members.Any(m => m.IdNumber == id)) return;
            members.Add(new HouseholdMember(name, id,
                opened.FirstOrDefault(o => string.Equals(o.IdNumber, id, StringComparison.OrdinalIgnoreCase))?.RequiresIdScan ?? true));
        }
        foreach (var x in record?["members"] as JsonArray ?? []) Add(x);
        if (record?["applicant"] is JsonObject a && Text(a["id_number"]) is { } aid
            && members.All(x => !string.Equals(x.IdNumber, aid, StringComparison.OrdinalIgnoreCase)))
        {
            int before = members.Count;
            Add(a);
            if (members.Count > before) { members.Insert(0, members[^1]); members.RemoveAt(members.Count - 1); }
        }
        return members;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } s ? s : null;

    /// <summary>Members from case data JSON (camelCase: <c>members[].name/idNumber/requiresIdScan</c>, <c>applicant</c>).</summary>
    public static IReadOnlyList<HouseholdMember> Of(JsonNode? data)
    {
        var members = new List<HouseholdMember>();
        foreach (var x in data?["members"]?.AsArray() ?? [])
            if (x?["name"]?.GetValue<string>() is { } name && x["idNumber"]?.GetValue<string>() is { } id)
                members.Add(new HouseholdMember(name, id, x["requiresIdScan"]?.GetValue<bool>() ?? true));
        if (data?["applicant"] is { } a && a["name"]?.GetValue<string>() is { } an && a["idNumber"]?.GetValue<string>() is { Length: > 0 } aid
            && members.All(x => x.IdNumber != aid))
            members.Insert(0, new HouseholdMember(an, aid));
        return members;
    }
}
