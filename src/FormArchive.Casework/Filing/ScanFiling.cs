using FormArchive.Archive.Cases;

namespace FormArchive.Casework.Filing;

/// <summary>
/// Files scans into an open case as one upload: each scan as its <see cref="ScanRecord"/> (original, searchable PDF,
/// ingest result), every document of every scan in one archive call and so one event — the case holds all of them
/// or none. The service's upload and <c>formarchive ingest --file</c> both file through here.
/// </summary>
public static class ScanFiling
{
    /// <exception cref="ArgumentException">No scans, or a scan the pipeline refused (refused files are never filed).</exception>
    public static async Task<IReadOnlyList<FiledScan>> FileAsync(
        CaseArchive archive, CaseManifest m, IReadOnlyList<ScanToFile> scans, string clerk, CancellationToken ct = default)
    {
        if (scans.Count == 0) throw new ArgumentException("no scans to file", nameof(scans));
        if (scans.FirstOrDefault(s => s.Scan.IsRejected) is { } refused)
            throw new ArgumentException($"{refused.FileName}: rejected: {refused.Scan.Rejected}; nothing was filed", nameof(scans));
        var today = ChinaTime.Today();
        var uploads = scans
            .SelectMany(s => ScanRecord.Documents(m.CaseId, m.Metadata.ApplicantName, s.FileName, s.DeclaredMediaType, s.Content, s.Scan, today, s.DocNumber))
            .ToList();
        var entries = await archive.AddDocumentsAsync(m.CaseId, uploads, clerk, ct);
        return [.. scans.Select((s, i) => new FiledScan(s, entries[3 * i], entries[3 * i + 1], entries[3 * i + 2]))];
    }
}
