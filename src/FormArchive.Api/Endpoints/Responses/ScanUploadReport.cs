using FormArchive.Ingest;
using FormArchive.Ingest.Ocr;

namespace FormArchive.Api.Endpoints;

/// <summary>POST /api/cases/{caseId}/scans: each uploaded file as filed, page by page.</summary>
public sealed record ScanUploadReport(string CaseId, IReadOnlyList<FiledScanReport> Files);

/// <summary>One uploaded file: the three documents it was filed as and what was read on each page.</summary>
public sealed record FiledScanReport(string File, FiledScanDocuments Documents, IReadOnlyList<FiledScanPage> Pages);

/// <summary>Document numbers of a filed scan: the original, its searchable PDF, the ingest result.</summary>
public sealed record FiledScanDocuments(int Original, int SearchablePdf, int IngestResult);

/// <summary>
/// One page as read. The page image's size and each number's box on it let the desk outline the numbers on the
/// thumbnail; ID numbers are masked (the clerk sees the match, not the number).
/// </summary>
public sealed record FiledScanPage(int Page, string Type, string ClassifiedAs, string Title, int Orientation, double DeskewDegrees, int OcrConfidence,
    int Width, int Height, IReadOnlyList<FiledIdNumber> IdNumbers, CardBackResult? CardBack, IReadOnlyList<string> Warnings);

/// <summary>An ID number read on a page, masked, with the household member it matched.</summary>
public sealed record FiledIdNumber(string Masked, bool Valid, string? MatchedMember, string? Problem, PixelBox Box);
