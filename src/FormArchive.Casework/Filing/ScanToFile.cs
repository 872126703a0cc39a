using FormArchive.Ingest;

namespace FormArchive.Casework.Filing;

/// <summary>
/// A scanned file read by the ingest pipeline and ready to file: its name, the media type it was sent as, its bytes,
/// what was read, and the 文号 the clerk gave it (for the 卷内目录), if any.
/// </summary>
public sealed record ScanToFile(string FileName, string? DeclaredMediaType, byte[] Content, ScanResult Scan, string? DocNumber = null);
