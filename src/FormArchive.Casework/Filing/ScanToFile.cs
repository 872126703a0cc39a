using FormArchive.Ingest;

namespace FormArchive.Casework.Filing;

/// <summary>A scanned file read by the ingest pipeline and ready to file: its name, the media type it was sent as, its bytes and what was read.</summary>
public sealed record ScanToFile(string FileName, string? DeclaredMediaType, byte[] Content, ScanResult Scan);
