using System.Diagnostics;
using FormArchive.Domain;
using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Profiling;
using FormArchive.Ingest.Reading;
using FormArchive.Ingest.Recognition;
using ImageMagick;
using OpenCvSharp;

namespace FormArchive.Ingest;

/// <summary>Which OCR reads the pages.</summary>
public enum OcrMode
{
    /// <summary>PP-OCRv4, with Tesseract as an independent second read of ID number lines.</summary>
    Standard,
    /// <summary>PP-OCRv4 alone (second reads from PP-OCR only).</summary>
    PaddleOnly,
    /// <summary>The earlier Tesseract-only reader (benchmark comparison).</summary>
    TesseractOnly,
}

/// <summary>Options of one ingest call.</summary>
public sealed record IngestOptions
{
    /// <summary>The clerk's statement of what the scan is; wins over the classifier.</summary>
    public DocumentType? Hint { get; init; }
    public IReadOnlyList<HouseholdMember> Members { get; init; } = [];
    /// <summary>The household's bank account numbers from the case data (digits; spaces ignored).</summary>
    public IReadOnlyList<string> BankAccounts { get; init; } = [];
    public ScanLimits Limits { get; init; } = new();
    public int ArchivalJpegQuality { get; init; } = 85;
    public OcrMode Mode { get; init; } = OcrMode.Standard;
    /// <summary>The day the scan is filed (China time), against which card validity is checked.</summary>
    public DateOnly? ScanDate { get; init; }
}

/// <summary>The PP-OCR models are not installed; the message says where they were looked for and how to get them.</summary>
public sealed class OcrModelsMissingException(string message) : InvalidOperationException(message);

/// <summary>
/// The scan pipeline: decode (limits) → find each document in the frame and flatten it → detect text, turn upright
/// by the text's run and direction → read (PP-OCRv4) → fields: ID numbers from their labels (confirmed by a second
/// read), card back validity, the person, bank card numbers → classification → household matching. Thread-safe.
/// </summary>
public sealed class ScanPipeline(PaddleOcr? ocr = null, TesseractPool? pool = null)
{
    private readonly TesseractPool _pool = pool ?? TesseractPool.Shared;

    private PaddleOcr Ocr => ocr ?? PaddleOcr.Shared ?? throw new OcrModelsMissingException(PaddleOcr.SharedProblem!);

    public ScanResult Process(string fileName, byte[] bytes, IngestOptions? options = null)
    {
        options ??= new IngestOptions();
        if (options.Mode != OcrMode.TesseractOnly)
        {
            _ = Ocr; // a missing model is a setup error, not a bad file
            OpenCvSharp.Mat? jpeg;
            try { jpeg = ScanInput.DecodeJpegFrame(bytes, options.Limits); }
            catch (ScanRejectedException e) { return new ScanResult { File = fileName, Rejected = e.Message }; }
            if (jpeg is not null)
                using (jpeg)
                {
                    try { return new ScanResult { File = fileName, FileType = ScanFileType.Jpeg, Pages = [ProcessFrame(jpeg, 1, options)] }; }
                    catch (Exception e) when (e is OpenCvSharp.OpenCVException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
                    {
                        return Unreadable(fileName,
                        e);
                    }
                }
        }
        List<MagickImage> pages;
        ScanFileType type;
        try { (type, pages) = ScanInput.Decode(bytes, options.Limits); }
        catch (ScanRejectedException e) { return new ScanResult { File = fileName, Rejected = e.Message }; }
        try
        {
            var results = new List<PageResult>(pages.Count);
            for (int i = 0; i < pages.Count; i++)
                results.Add(options.Mode == OcrMode.TesseractOnly
                    ? new TesseractPageReader(_pool).Read(pages[i], i + 1, options)
                    : ProcessPage(pages[i], i + 1, options));
            return new ScanResult { File = fileName, FileType = type, Pages = results };
        }
        catch (Exception e) when (e is OpenCvSharp.OpenCVException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException) { return Unreadable(fileName, e); }
        finally
        {
            foreach (var p in pages) p.Dispose();
        }
    }

    /// <summary>An image the readers cannot take (degenerate sizes, odd layouts) is a refused file, not a server error.</summary>
    private static ScanResult Unreadable(string fileName, Exception e) =>
        new() { File = fileName, Rejected = $"the image could not be read: {e.Message.ReplaceLineEndings(" ")}" };

    private PageResult ProcessPage(MagickImage input, int pageNumber, IngestOptions options)
    {
        using var frame = FrameImage.ToBgr(input);
        return ProcessFrame(frame, pageNumber, options);
    }

    private PageResult ProcessFrame(OpenCvSharp.Mat frame, int pageNumber, IngestOptions options)
    {
        var sw = Stopwatch.StartNew();
        StageTimes.Begin();
        var reader = new DocumentReader(Ocr);
        var confirmer = new IdNumberConfirmer(Ocr, options.Mode == OcrMode.Standard ? _pool : null,
            options.Mode == OcrMode.Standard ? SecondReads.PaddleThenTesseract : SecondReads.PaddleOnly);
        var page = PageReading.Read(reader, confirmer, frame, options.Hint);
        try
        {
            return Result(page, pageNumber, options, sw);
        }
        finally { page.Dispose(); }
    }

    private static PageResult Result(PageReading page, int pageNumber, IngestOptions options, Stopwatch sw)
    {
        var type = options.Hint ?? page.Findings.Type;
        var (sharpness, contrast) = ImageQuality.Measure(page.Archival);
        int confidence = page.Lines.Count == 0 ? 0 : (int)Math.Round(page.Lines.Average(l => l.Confidence) * 100);
        var (ids, warnings) = PageAssessment.Of(options.Hint, page.Findings.Type, page.Ids, options.Members, sharpness, contrast, confidence);

        CardBackResult? back = null;
        if (page.Findings.CardBack is { } cb)
        {
            var today = options.ScanDate ?? ChinaTime.Today();
            bool expired = cb.Validity?.ExpiredOn(today) ?? false;
            back = new CardBackResult(cb.IssuingAuthority, cb.Validity?.ToString() ?? cb.ValidityText,
                cb.Validity is null ? null : cb.Validity.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "长期", expired);
            if (expired) warnings.Add($"居民身份证已过期：有效期限 {cb.Validity}，于 {cb.Validity!.Until:yyyy年M月d日} 到期");
        }
        var accounts = options.BankAccounts.Select(a => new string(a.Where(char.IsAsciiDigit).ToArray())).Where(a => a.Length > 0).ToHashSet();
        string? matchedAccount = page.Findings.BankNumbers.FirstOrDefault(accounts.Contains);
        if (accounts.Count > 0 && page.Findings.BankNumbers.Count > 0 && matchedAccount is null)
            warnings.Add("银行卡号与案件数据中的账号不一致");

        byte[] jpeg;
        using (StageTimes.Time("jpeg"))
            jpeg = page.Archival.ImEncode(".jpg", [(int)ImwriteFlags.JpegQuality, options.ArchivalJpegQuality]);
        var stages = StageTimes.End() ?? [];
        return new PageResult
        {
            Page = pageNumber, Type = type, ClassifiedAs = page.Findings.Type, Orientation = page.Findings.Document.Orientation,
            DeskewDegrees = page.Findings.Document.SkewDegrees,
            CropBox = page.CropBox, Width = page.Archival.Cols, Height = page.Archival.Rows,
            OcrText = string.Join('\n', page.Lines.Select(l => l.Text)), OcrConfidence = confidence, IdNumbers = ids,
            BankCardNumbers = page.Findings.BankNumbers, Warnings = warnings, CardBack = back, Person = page.Findings.Person,
            MatchedBankAccount = matchedAccount,
            ElapsedMs = sw.ElapsedMilliseconds, ArchivalJpeg = jpeg, StageMs = stages,
            Lines = page.Lines.Select(l => new OcrLine(l.Text, l.Confidence * 100, l.Quad.Bounds)).ToList(),
        };
    }
}
