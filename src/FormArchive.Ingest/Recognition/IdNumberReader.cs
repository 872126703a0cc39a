using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr;
using ImageMagick;

namespace FormArchive.Ingest.Recognition;

/// <summary>An ID number found on a page (or a candidate that did not validate).</summary>
public sealed record IdNumberRead
{
    /// <summary>The number: validated and normalised when <see cref="IsValid"/>, else the best raw read.</summary>
    public required string Number { get; init; }
    /// <summary>True only when the checksum and birth date validate AND at least two independent reads agree.</summary>
    public required bool IsValid { get; init; }
    /// <summary>Share of the valid reads on this line that agree with <see cref="Number"/> (0–1).</summary>
    public required double Confidence { get; init; }
    public required int AgreeingReads { get; init; }
    /// <summary>Whether a confusion correction (O→0, I→1, …) was needed.</summary>
    public bool Corrected { get; init; }
    /// <summary>Box of the line in the normalised page.</summary>
    public required PixelBox Box { get; init; }
    /// <summary>Why an unvalidated read is not valid.</summary>
    public string? Problem { get; init; }
    /// <summary>An invalid number that three reads gave alike: the printed number itself fails, reading again won't help.</summary>
    public bool ConsistentlyInvalid { get; init; }
}

/// <summary>
/// Reads ID numbers: candidates from the full-page OCR, then re-reads of each candidate line with a digit
/// whitelist (eng, PSM 7) on several cleaned variants; a number is valid only when it validates and two reads agree.
/// </summary>
public sealed class IdNumberReader(TesseractPool pool)
{
    private const string Digits = "0123456789X";

    /// <summary>Lines worth re-reading: at least 12 digit-like characters.</summary>
    public static bool LooksNumeric(string text)
    {
        int n = 0;
        foreach (var c0 in text)
        {
            var c = IdNumberRules.FoldWidth(c0);
            if (char.IsAsciiDigit(c) || c is 'X' or 'x' or 'O' or 'I' or 'l' or 'B' or 'S' or 'Z') n++;
        }
        return n >= 12;
    }

    public List<IdNumberRead> Read(GrayImage page, OcrPage fullPage)
    {
        var results = new List<IdNumberRead>();
        foreach (var line in fullPage.Lines.Where(l => LooksNumeric(l.Text)))
        {
            var votes = new Dictionary<string, (int Count, bool Corrected)>();
            int validReads = 0;
            string? bestRaw = null;
            void Add(string text)
            {
                foreach (var raw in IdNumberRules.RawCandidates(text))
                {
                    bestRaw ??= raw;
                    var c = IdNumberRules.Check(raw);
                    if (c.Valid is null) continue;
                    validReads++;
                    votes[c.Valid] = votes.TryGetValue(c.Valid, out var v) ? (v.Count + 1, v.Corrected && c.Corrected) : (1, c.Corrected);
                }
            }
            Add(line.Text);
            foreach (var variant in Variants(page, line.Box))
            {
                if (votes.Values.Any(v => v.Count >= 3) || (votes.Count == 1 && votes.Values.First().Count >= 2)) break;
                var text = pool.Use(TesseractPool.English, e => e.Recognize(variant.Image, new OcrOptions
                {
                    PageSegMode = 7, Whitelist = Digits,
                    ThresholdingMethod = variant.Threshold
                }, variant.Region)).Text;
                Add(text);
            }
            if (votes.Count == 0)
            {
                if (bestRaw is not null)
                    results.Add(new IdNumberRead
                    {
                        Number = bestRaw, IsValid = false, Confidence = 0, AgreeingReads = 0, Box = line.Box,
                        Problem = "no read validates (checksum or birth date)"
                    });
                continue;
            }
            var ordered = votes.OrderByDescending(v => v.Value.Count).ToList();
            var (number, (count, corrected)) = (ordered[0].Key, ordered[0].Value);
            bool tie = ordered.Count > 1 && ordered[1].Value.Count == count;
            bool valid = count >= 2 && !tie;
            results.Add(new IdNumberRead
            {
                Number = number, IsValid = valid, Confidence = Math.Round((double)count / validReads, 2), AgreeingReads = count,
                Corrected = corrected, Box = line.Box,
                Problem = valid ? null : tie ? "reads disagree between valid numbers" : "only one read validates",
            });
        }
        // The same number may sit on two detected lines: keep the strongest entry.
        return results.GroupBy(r => r.Number).Select(g => g.OrderByDescending(r => r.IsValid).ThenByDescending(r => r.AgreeingReads).First()).ToList();
    }

    private sealed record Variant(GrayImage Image, PixelBox? Region, int Threshold);

    /// <summary>Re-read variants of a line: as is, Sauvola, a 2× enlargement, a blurred and stretched copy.</summary>
    private static IEnumerable<Variant> Variants(GrayImage page, PixelBox box)
    {
        int padY = Math.Max(4, box.Height / 3), padX = Math.Max(6, box.Height / 2);
        var r = Clamp(new PixelBox(box.X - padX, box.Y - padY, box.Width + 2 * padX, box.Height + 2 * padY), page.Width, page.Height);
        yield return new Variant(page, r, 0);
        yield return new Variant(page, r, 2);
        var crop = Crop(page, r);
        yield return new Variant(Process(crop, m => { m.Resize(new Percentage(200)); }), null, 0);
        yield return new Variant(Process(crop, m => { m.GaussianBlur(0, 1); m.ContrastStretch(new Percentage(2), new Percentage(2)); }), null, 2);
        yield return new Variant(Process(crop, m => { m.Resize(new Percentage(150)); m.Sharpen(0, 1); }), null, 1);
    }

    private static PixelBox Clamp(PixelBox b, int w, int h)
    {
        int x = Math.Max(0, b.X), y = Math.Max(0, b.Y);
        return new PixelBox(x, y, Math.Max(1, Math.Min(w, b.Right) - x), Math.Max(1, Math.Min(h, b.Bottom) - y));
    }

    internal static GrayImage Crop(GrayImage g, PixelBox r)
    {
        var p = new byte[r.Width * r.Height];
        for (int y = 0; y < r.Height; y++)
            Buffer.BlockCopy(g.Pixels, (r.Y + y) * g.Width + r.X, p, y * r.Width, r.Width);
        return new GrayImage(p, r.Width, r.Height);
    }

    internal static MagickImage FromGray(GrayImage g) =>
        new(g.Pixels, new MagickReadSettings { Format = MagickFormat.Gray, Width = (uint)g.Width, Height = (uint)g.Height, Depth = 8 });

    private static GrayImage Process(GrayImage g, Action<MagickImage> action)
    {
        using var m = FromGray(g);
        action(m);
        return new GrayImage(m.ToByteArray(MagickFormat.Gray), (int)m.Width, (int)m.Height);
    }
}
