using System.Text.Json.Serialization;
using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Ingest;

/// <summary>An ID number on a page, as reported.</summary>
public sealed record IdCandidateResult(string Number, bool IsValid, double Confidence, int AgreeingReads, bool Corrected, PixelBox Box, string? MatchedMember,
    string? Problem);

/// <summary>An ID card back as read: 签发机关, 有效期限 and whether the card had expired on the scan date.</summary>
public sealed record CardBackResult(string? IssuingAuthority, string? Validity, string? ValidUntil, bool Expired);

/// <summary>Everything found on one page.</summary>
public sealed record PageResult
{
    public required int Page { get; init; }
    /// <summary>The type used (the clerk's hint when given, else the classifier's).</summary>
    public required DocumentType Type { get; init; }
    /// <summary>What the classifier alone said.</summary>
    public required DocumentType ClassifiedAs { get; init; }
    public required int Orientation { get; init; }
    public required double DeskewDegrees { get; init; }
    public required PixelBox CropBox { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required string OcrText { get; init; }
    public required int OcrConfidence { get; init; }
    public required IReadOnlyList<IdCandidateResult> IdNumbers { get; init; }
    public required IReadOnlyList<string> BankCardNumbers { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>The ID card back's 签发机关 and 有效期限, when the page shows one.</summary>
    public CardBackResult? CardBack { get; init; }
    /// <summary>The person printed on a card front or 常住人口登记卡 (read by OCR; to be confirmed by a clerk).</summary>
    public PersonFields? Person { get; init; }
    /// <summary>The household's bank account number (from the case data) when a card number read on the page is it.</summary>
    public string? MatchedBankAccount { get; init; }
    /// <summary>Which engine read the page: "pp-ocr" or "tesseract".</summary>
    public string Engine { get; init; } = "pp-ocr";
    public long ElapsedMs { get; init; }
    /// <summary>Wall-clock milliseconds per pipeline stage (profiling aid; not serialised).</summary>
    [JsonIgnore] public IReadOnlyDictionary<string, double> StageMs { get; init; } = new Dictionary<string, double>();

    /// <summary>Archival rendition (JPEG) — written to files/PDF, not to JSON.</summary>
    [JsonIgnore] public byte[] ArchivalJpeg { get; init; } = [];
    /// <summary>OCR lines in archival-image pixel coordinates, for the PDF text layer.</summary>
    [JsonIgnore] public IReadOnlyList<OcrLine> Lines { get; init; } = [];
}

/// <summary>The result of one scanned file: its pages, or the reason it was rejected.</summary>
public sealed record ScanResult
{
    public required string File { get; init; }
    public ScanFileType? FileType { get; init; }
    public string? Rejected { get; init; }
    public IReadOnlyList<PageResult> Pages { get; init; } = [];
    public bool IsRejected => Rejected is not null;
}
