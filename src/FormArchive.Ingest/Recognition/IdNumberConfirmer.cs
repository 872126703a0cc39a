using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Ocr.Paddle;
using OpenCvSharp;

namespace FormArchive.Ingest.Recognition;

/// <summary>Which independent reads of a number line may confirm the first.</summary>
public enum SecondReads
{
    /// <summary>PP-OCR with red print dropped, then Tesseract (digits only) when those two disagree.</summary>
    PaddleThenTesseract,
    /// <summary>PP-OCR alone: the red-dropped re-read only.</summary>
    PaddleOnly,
}

/// <summary>
/// Decides an ID number line: the first read, a re-read of the same line cut wider with red print dropped (户口簿 rules
/// crossing the number vanish, black ink stays), and, when those two disagree, Tesseract's digit-only read of the
/// line. A number is valid only when it validates (GB 11643 checksum, birth date, province) in two reads that agree,
/// and no other valid number has as many. A line whose printed birth date is known must agree with it too.
/// </summary>
public sealed class IdNumberConfirmer(PaddleOcr ocr, TesseractPool? tesseract, SecondReads mode = SecondReads.PaddleThenTesseract)
{
    public IdNumberRead Confirm(Mat document, IdNumberLine found)
    {
        var votes = new Dictionary<string, (int Count, bool Corrected)>();
        int validReads = 0;
        string? bestRaw = null;
        bool Settled() => votes.Values.Any(v => v.Count >= 2);
        void Add(string text)
        {
            foreach (var raw in IdNumberRules.RawCandidates(text))
            {
                bestRaw ??= raw;
                var c = IdNumberRules.Check(raw);
                if (c.Valid is null) continue;
                if (found.PrintedBirthDate is { } birth && c.Valid.Substring(6, 8) != birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)) continue;
                validReads++;
                votes[c.Valid] = votes.TryGetValue(c.Valid, out var v) ? (v.Count + 1, v.Corrected && c.Corrected) : (1, c.Corrected);
            }
        }
        Add(AfterLabel(found.Line.Text));
        using (StageTimes.Time("id.reread"))
        {
            var quad = Widen(found.Line.Quad, document);
            using var strip = TextLineCrop.Cut(document, quad);
            if (found.Line.Flipped) Cv2.Rotate(strip, strip, RotateFlags.Rotate180);
            using var red = Imaging.RedDropout.Apply(strip);
            Add(AfterLabel(ocr.Recognizer.Recognize([red])[0].Text));
            if (!Settled() && mode == SecondReads.PaddleThenTesseract && tesseract is not null)
                Add(TesseractDigits(red));
        }
        var box = found.Line.Quad.Bounds;
        if (votes.Count == 0)
            return new IdNumberRead { Number = bestRaw ?? PageText.Compact(found.Line.Text), IsValid = false, Confidence = 0, AgreeingReads = 0, Box = box,
                Problem = bestRaw is null ? "该行没有 18 位号码" : "校验未通过（校验码、出生日期或地区码）" };
        var ordered = votes.OrderByDescending(v => v.Value.Count).ToList();
        var (number, (count, corrected)) = (ordered[0].Key, ordered[0].Value);
        bool tie = ordered.Count > 1 && ordered[1].Value.Count == count;
        bool valid = count >= 2 && !tie;
        return new IdNumberRead
        {
            Number = number, IsValid = valid, Confidence = Math.Round((double)count / validReads, 2), AgreeingReads = count, Corrected = corrected, Box = box,
            Problem = valid ? null : tie ? "多次识别结果不一致" : "仅一次识别通过校验",
        };
    }

    /// <summary>The part of a line after an ID number label (the whole line when it has none).</summary>
    private static string AfterLabel(string text)
    {
        var compact = PageText.Compact(text);
        int end = IdNumberLines.LabelEnd(compact);
        return end < 0 ? text : compact[end..];
    }

    /// <summary>The quad grown by a third of its height above and below and a little along, inside the image.</summary>
    private static TextQuad Widen(TextQuad q, Mat image)
    {
        var c = q.Center;
        float fx = 1.04f, fy = 1.3f;
        return q.Map(p => new Point2f(Math.Clamp(c.X + (p.X - c.X) * fx, 0, image.Cols - 1), Math.Clamp(c.Y + (p.Y - c.Y) * fy, 0, image.Rows - 1)));
    }

    private string TesseractDigits(Mat strip)
    {
        using var grey = new Mat();
        Cv2.CvtColor(strip, grey, ColorConversionCodes.BGR2GRAY);
        // Tesseract reads best at cap heights of 20–40 px.
        double scale = Math.Clamp(48.0 / grey.Rows, 0.5, 3.0);
        using var sized = new Mat();
        Cv2.Resize(grey, sized, new Size(Math.Max(1, (int)(grey.Cols * scale)), Math.Max(1, (int)(grey.Rows * scale))), 0, 0, InterpolationFlags.Cubic);
        var bytes = new byte[sized.Rows * sized.Cols];
        for (int y = 0; y < sized.Rows; y++) System.Runtime.InteropServices.Marshal.Copy(sized.Ptr(y), bytes, y * sized.Cols, sized.Cols);
        var image = new GrayImage(bytes, sized.Cols, sized.Rows);
        return tesseract!.Use(TesseractPool.English, e => e.Recognize(image, new OcrOptions { PageSegMode = 7, Whitelist = "0123456789X", ThresholdingMethod = 2 })).Text;
    }
}
