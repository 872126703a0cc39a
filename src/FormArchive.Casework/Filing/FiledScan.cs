using FormArchive.Archive.Cases;

namespace FormArchive.Casework.Filing;

/// <summary>One scan as filed: the original, its searchable PDF and its ingest result, with their 件号.</summary>
public sealed record FiledScan(ScanToFile Scan, DocumentEntry Original, DocumentEntry SearchablePdf, DocumentEntry IngestResult);
