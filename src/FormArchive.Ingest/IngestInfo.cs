namespace FormArchive.Ingest;

/// <summary>Placeholder so the project builds before the scan pipeline lands.</summary>
internal static class IngestInfo;
