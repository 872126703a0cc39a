namespace FormArchive.Casework.Filing;

/// <summary>件号 of the three documents one uploaded scan is filed as; the original or PDF may be absent in old cases.</summary>
public sealed record ScanDocuments(int? Original, int? SearchablePdf, int IngestResult);
