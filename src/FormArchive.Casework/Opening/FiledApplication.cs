using FormArchive.Archive.Cases;
using FormArchive.Casework.Filing;

namespace FormArchive.Casework.Opening;

/// <summary>The application a case was opened with, as <see cref="CaseOpening"/> filed it.</summary>
public static class FiledApplication
{
    /// <summary>The application the case was opened with (the last one filed), or null for a case opened without one.</summary>
    public static async Task<CaseApplication?> ReadAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var doc = m.Documents.LastOrDefault(d => d.FileName == CaseHousehold.CaseDataFileName);
        return doc is null ? null : await CaseDocuments.ReadJsonAsync<CaseApplication>(archive, m, doc, ct);
    }
}
