using System.Text.Json;
using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Filing;

/// <summary>
/// The household of a case as its stored case data (<c>case-data.json</c>, the last one filed) gives it: the members,
/// and the applicant, who is always a member even if the list forgot them. Scans are matched against it.
/// </summary>
public static class CaseHousehold
{
    public const string CaseDataFileName = "case-data.json";

    public static async Task<IReadOnlyList<HouseholdMember>> ReadAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var doc = m.Documents.LastOrDefault(d => d.FileName == CaseDataFileName);
        if (doc is null) return [];
        var bytes = await archive.Store.GetAsync(StoreArea.Vault, doc.Key, ct) ?? throw new ArchiveCorruptException($"case {m.CaseId}: document {doc.No} is missing");
        JsonNode? data;
        try { data = JsonNode.Parse(bytes); }
        catch (JsonException e) { throw new ArchiveCorruptException($"case {m.CaseId}: document {doc.No} ({doc.FileName}) is not readable: {e.Message}"); }
        return Of(data);
    }

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
