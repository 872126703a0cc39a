using System.Diagnostics;
using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Profiling;
using FormArchive.Ingest.Recognition;
using ImageMagick;

namespace FormArchive.Ingest;

/// <summary>
/// The Tesseract-only page reader that came before PP-OCR: deskew by projection, OSD orientation, full-page
/// Tesseract, digit-whitelist re-reads of number lines. Kept as the "Tesseract alone" column of the ingest
/// benchmark (OcrMode.TesseractOnly), so the two engines are measured on the same sets.
/// </summary>
internal sealed class TesseractPageReader(TesseractPool pool)
{
    private readonly TesseractPool _pool = pool;

    public PageResult Read(MagickImage input, int pageNumber, IngestOptions options) => ProcessPage(input, pageNumber, options);

    private sealed record Attempt(OcrPage Ocr, List<IdNumberRead> Ids, double Scale, DocumentType Type, int TypeScore)
    {
        public double Score => Ids.Count(i => i.IsValid) * 1000 + TypeScore * 15 + Ocr.MeanConfidence;
    }

    private PageResult ProcessPage(MagickImage input, int pageNumber, IngestOptions options)
    {
        var sw = Stopwatch.StartNew();
        StageTimes.Begin();
        using var page = new ScanNormalizer(_pool).Normalize(input);
        // Card-shaped pages: a cheap read of the ID number band both ways decides 0° or 180° before the full OCR.
        using (StageTimes.Time("orient.card"))
            if (new CardOrientationProbe(_pool).Decide(page.Gray) == CardOrientationProbe.Verdict.UpsideDown) page.TurnHalf();
        var attempt = Recognise(page, options);
        // OSD confuses 0 and 180 on camera images, and the card probe may have had no answer (or a wrong one): when
        // nothing validates and the reading is weak, try the other way up.
        if (!attempt.Ids.Any(i => i.IsValid) && (attempt.TypeScore < 3 || attempt.Ocr.MeanConfidence < 75))
        {
            using var _t = StageTimes.Time("retry180");
            page.TurnHalf();
            var turned = Recognise(page, options);
            if (turned.Score > attempt.Score) attempt = turned;
            else page.TurnHalf();
        }

        var type = options.Hint ?? attempt.Type;
        var (ids, warnings) = PageAssessment.Of(options.Hint, attempt.Type, attempt.Ids, options.Members, page.Sharpness, page.Contrast,
            attempt.Ocr.MeanConfidence);

        byte[] jpeg;
        using (StageTimes.Time("jpeg"))
        {
            page.Image.Quality = (uint)options.ArchivalJpegQuality;
            page.Image.Strip();
            jpeg = page.Image.ToByteArray(MagickFormat.Jpeg);
        }
        var stages = StageTimes.End() ?? [];
        var lines = attempt.Ocr.Lines.Select(l => l with { Box = Scale(l.Box, 1 / attempt.Scale) }).ToList();
        return new PageResult
        {
            Page = pageNumber, Type = type, ClassifiedAs = attempt.Type, Orientation = page.Orientation, DeskewDegrees = page.SkewDegrees,
            CropBox = page.CropBox, Width = (int)page.Image.Width, Height = (int)page.Image.Height,
            OcrText = attempt.Ocr.Text, OcrConfidence = attempt.Ocr.MeanConfidence, IdNumbers = ids,
            BankCardNumbers = IdNumberRules.BankCardNumbers(attempt.Ocr.Text), Warnings = warnings,
            ElapsedMs = sw.ElapsedMilliseconds, ArchivalJpeg = jpeg, Lines = lines, StageMs = stages, Engine = "tesseract",
        };
    }

    private Attempt Recognise(NormalizedPage page, IngestOptions options)
    {
        // Full-page OCR on a copy no larger than OcrMaxSide; ID lines are re-read at full resolution.
        double scale = Math.Min(1.0, 2000.0 / Math.Max(page.Gray.Width, page.Gray.Height));
        GrayImage ocrImage = page.Gray;
        if (scale < 1.0)
        {
            using var m = IdNumberReader.FromGray(page.Gray);
            m.Resize((uint)(page.Gray.Width * scale), (uint)(page.Gray.Height * scale));
            ocrImage = new GrayImage(m.ToByteArray(MagickFormat.Gray), (int)m.Width, (int)m.Height);
            scale = (double)m.Width / page.Gray.Width;
        }
        OcrPage ocr;
        using (StageTimes.Time("ocr.full"))
            ocr = _pool.Use(TesseractPool.Chinese, e => e.Recognize(ocrImage, new OcrOptions
            {
                PageSegMode = 3, ThresholdingMethod = 2,
                Ppi = (int)(300 * scale)
            }));
        var fullResLines = new OcrPage(ocr.Text, ocr.MeanConfidence, ocr.Lines.Select(l => l with { Box = Scale(l.Box, 1 / scale) }).ToList());
        var bank = IdNumberRules.BankCardNumbers(ocr.Text);
        // A 19-digit bank card number holds 18-digit windows: those are not ID number candidates.
        List<IdNumberRead> ids;
        using (StageTimes.Time("ocr.idlines"))
            ids = new IdNumberReader(_pool).Read(page.Gray, fullResLines)
                .Where(r => r.IsValid || !bank.Any(b => b.Contains(r.Number, StringComparison.Ordinal))).ToList();
        var (type, score) = PageClassifier.Classify(ocr.Text, ids.Any(i => i.IsValid), bank.Count > 0);
        if (type == DocumentType.BankAccount || options.Hint == DocumentType.BankAccount) ids.RemoveAll(r => !r.IsValid);
        return new Attempt(ocr, ids, scale, type, score);
    }

    private static PixelBox Scale(PixelBox b, double s) =>
        s == 1.0 ? b : new PixelBox((int)(b.X * s), (int)(b.Y * s), (int)Math.Ceiling(b.Width * s), (int)Math.Ceiling(b.Height * s));
}
