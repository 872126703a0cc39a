using FormArchive.Ingest;

namespace FormArchive.Casework.Filing;

/// <summary>One page of a filed scan: as the pipeline read it and as it stands after the clerks' corrections.</summary>
public sealed record ScannedPage(
    string File, ScanDocuments Documents, string IngestResultSha256, PageResult Read, PageResult Page, IReadOnlyList<int> Corrections)
{
    public bool Corrected => Corrections.Count > 0;
}
