using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;

namespace FormArchive.Casework.Filing;

/// <summary>
/// The JSON documents Casework files beside a case's papers, so that the case can be recomputed from the archive
/// alone: the application given at opening (<see cref="CaseHousehold.CaseDataFileName"/>, read by FiledApplication), each scan's ingest result
/// and the clerks' corrections. All are read back through here; unreadable JSON means the archive is damaged.
/// </summary>
public static class CaseDocuments
{
    /// <summary>A JSON document of the case, read from the vault.</summary>
    /// <exception cref="ArchiveCorruptException">The object is missing or not readable as <typeparamref name="T"/>.</exception>
    public static async Task<T> ReadJsonAsync<T>(CaseArchive archive, CaseManifest m, DocumentEntry d, CancellationToken ct)
    {
        var bytes = await archive.Store.GetAsync(StoreArea.Vault, d.Key, ct)
            ?? throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} is missing");
        try { return ArchiveJson.Read<T>(bytes, d.FileName); }
        catch (JsonException e) { throw new ArchiveCorruptException($"case {m.CaseId}: document {d.No} ({d.FileName}) is not readable: {e.Message}"); }
    }

    /// <summary>The uploaded file's name without extension, from its ingest result's file name.</summary>
    public static string IngestResultStem(string ingestResultFileName) =>
        ingestResultFileName.EndsWith(ScanRecord.IngestResultSuffix, StringComparison.Ordinal)
            ? ingestResultFileName[..^ScanRecord.IngestResultSuffix.Length]
            : Path.GetFileNameWithoutExtension(ingestResultFileName);
}
