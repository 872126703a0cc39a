using FormArchive.Archive.Cases;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Filing;

/// <summary>
/// Every scanned page of a case as it stands: each ingest result's pages, then the clerks' corrections applied
/// in document order. Read from the archive alone, so the checklist and the page list always agree.
/// </summary>
public static class ScannedPages
{
    public static async Task<IReadOnlyList<ScannedPage>> ReadAsync(
        CaseArchive archive, CaseManifest m, IReadOnlyList<HouseholdMember> members, CancellationToken ct)
    {
        var pages = new List<ScannedPage>();
        foreach (var d in m.Documents)
        {
            if (IsJson(d, ScanRecord.IngestResultSuffix))
            {
                var scan = await CaseDocuments.ReadJsonAsync<ScanResult>(archive, m, d, ct);
                var documents = DocumentsOf(m, d);
                pages.AddRange(scan.Pages.Select(p => new ScannedPage(scan.File, documents, d.Sha256, p, p, [])));
            }
            else if (IsJson(d, PageCorrection.FileSuffix))
            {
                var correction = await CaseDocuments.ReadJsonAsync<PageCorrection>(archive, m, d, ct);
                int i = pages.FindIndex(p => p.Documents.IngestResult == correction.IngestResult && p.Read.Page == correction.Page);
                if (i < 0 || pages[i].IngestResultSha256 != correction.IngestResultSha256)
                    throw new ArchiveCorruptException($"case {m.CaseId}: correction {d.No} is for page {correction.Page} of document "
                        + $"{correction.IngestResult}, which is not an earlier scan of the case");
                pages[i] = pages[i] with { Page = correction.ApplyTo(pages[i].Page, members), Corrections = [.. pages[i].Corrections, d.No] };
            }
        }
        return pages;
    }

    private static bool IsJson(DocumentEntry d, string suffix) =>
        d.FileName.EndsWith(suffix, StringComparison.Ordinal) && d.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The original and searchable PDF filed with an ingest result: both come before it and carry the
    /// original's SHA-256. The nearest ones win when the same file was uploaded twice.
    /// </summary>
    private static ScanDocuments DocumentsOf(CaseManifest m, DocumentEntry ingest)
    {
        if (ingest.DerivedFrom is not { } source) return new ScanDocuments(null, null, ingest.No);
        var before = m.Documents.Where(d => d.No < ingest.No).ToList();
        var original = before.LastOrDefault(d => d.Sha256 == source);
        var pdf = before.LastOrDefault(d => d.DerivedFrom == source && d.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase));
        return new ScanDocuments(original?.No, pdf?.No, ingest.No);
    }
}
