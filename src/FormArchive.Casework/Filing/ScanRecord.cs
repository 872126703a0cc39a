using FormArchive.Archive.Cases;
using FormArchive.Ingest;
using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Filing;

/// <summary>
/// One scanned file as the case keeps it: the original bytes, the searchable PDF and the ingest result, filed
/// together in one archive call (one event), the derived two pointing at the original. The service's upload and
/// <c>formarchive ingest --case</c> both file scans through here.
/// </summary>
public static class ScanRecord
{
    /// <summary>The ingest result's file name ends so; pages, checklist and corrections find scans by it.</summary>
    public const string IngestResultSuffix = ".ingest.json";

    /// <summary>
    /// The three documents of <paramref name="scan"/>, in order: original, searchable PDF, ingest result. The 文号 the
    /// clerk gave (<paramref name="docNumber"/>, already normalised) is the original's and the searchable PDF's: both
    /// are the document the 卷内目录 lists; the ingest result is the service's own record (责任者 系统识别, in Chinese
    /// as the rest of the 卷内目录).
    /// </summary>
    public static IReadOnlyList<DocumentUpload> Documents(string caseId, string applicantName, string fileName, string? declaredMediaType,
        byte[] content, ScanResult scan, DateOnly today, string? docNumber = null)
    {
        var types = scan.Pages.Select(p => p.Type).Distinct().ToList();
        var title = types.Count == 1 ? DocumentTitles.Of(types[0]) : "扫描材料";
        var originalSha = ContentDigest.Sha256Hex(content);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return
        [
            new DocumentUpload
            {
                Title = $"{title}（扫描原件）", ResponsibleParty = applicantName, DocNumber = docNumber, Date = today, FileName = fileName,
                MediaType = MediaType(scan.FileType) ?? declaredMediaType ?? "application/octet-stream", Content = content,
            },
            new DocumentUpload
            {
                Title = title, ResponsibleParty = applicantName, DocNumber = docNumber, Date = today, FileName = stem + ".pdf", MediaType = "application/pdf",
                Content = SearchablePdf.Build(scan, $"{caseId} {title}"), DerivedFrom = originalSha,
            },
            new DocumentUpload
            {
                Title = $"{title}（识别结果）", ResponsibleParty = "系统识别", Date = today, FileName = stem + IngestResultSuffix,
                MediaType = "application/json", Content = ArchiveJson.Bytes(scan), DerivedFrom = originalSha,
            },
        ];
    }

    /// <summary>The media type of a sniffed scan file.</summary>
    public static string? MediaType(ScanFileType? type) => type switch
    {
        ScanFileType.Jpeg => "image/jpeg",
        ScanFileType.Png => "image/png",
        ScanFileType.Tiff => "image/tiff",
        ScanFileType.Pdf => "application/pdf",
        _ => null,
    };
}
