using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr;
using ImageMagick;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// Tells whether a landscape card-shaped page (ID card, ISO 7810 ratio 1.586) is upright or upside down, cheaply,
/// before the full-page OCR.
/// </summary>
/// <remarks>
/// Why: OSD cannot tell 0° from 180° on document-camera images of cards, so an upside-down card used to cost one
/// full-page OCR (garbage) before the pipeline's 180° retry. On an ID card front the 公民身份号码 sits in
/// the bottom band, right of its label. One digit-whitelist line read (eng, PSM 7: a fraction of a page's cost) of that band, and when it
/// does not yield a checksum-valid number a second read of the opposite band turned 180°, shows which way up the
/// card is: the way the number reads. Only a clear answer is acted on. ID backs, bank cards and unreadable numbers
/// give <see cref="Verdict.Unknown"/>, the page is left as it is, and the pipeline's 180° retry stays the safety net
/// for any wrong or missing answer.
/// </remarks>
public sealed class CardOrientationProbe(TesseractPool pool)
{
    public enum Verdict { Unknown, Upright, UpsideDown }

    // The number band of an upright card front, as fractions of the card (label left of 0.25, photo above 0.72).
    private const double BandLeft = 0.25, BandRight = 0.97, BandTop = 0.72, BandBottom = 0.98;
    // Cards photographed at high resolution are read at about this width (cost grows with pixels, not with accuracy).
    private const int MaxCardWidth = 1100;

    public Verdict Decide(GrayImage page)
    {
        if (!CardShape.IsLandscape(page.Width, page.Height)) return Verdict.Unknown;
        var up = Strength(page, turned: false);
        if (up == 2) return Verdict.Upright;
        var down = Strength(page, turned: true);
        return down > up ? Verdict.UpsideDown : up > down ? Verdict.Upright : Verdict.Unknown;
    }

    /// <summary>2: a checksum-valid ID number reads; 1: an 18-character digit run reads; 0: neither.</summary>
    private int Strength(GrayImage page, bool turned)
    {
        var band = Band(page, turned);
        var text = pool.Use(TesseractPool.English, e => e.Recognize(band.Image,
            new OcrOptions { PageSegMode = 7, Whitelist = "0123456789X", Ppi = band.Ppi })).Text;
        var runs = IdNumberRules.RawCandidates(text);
        return runs.Any(r => IdNumberRules.Check(r).Valid is not null) ? 2 : runs.Count > 0 ? 1 : 0;
    }

    /// <summary>The number band as it reads upright; with <paramref name="turned"/>, the opposite band turned 180°.</summary>
    private static (GrayImage Image, int Ppi) Band(GrayImage page, bool turned)
    {
        int w = page.Width, h = page.Height;
        int bx = (int)(w * BandLeft), by = (int)(h * BandTop);
        int bw = (int)(w * (BandRight - BandLeft)), bh = (int)(h * (BandBottom - BandTop));
        if (turned) { bx = w - bx - bw; by = h - by - bh; }
        var p = new byte[bw * bh];
        for (int y = 0; y < bh; y++) Buffer.BlockCopy(page.Pixels, (by + y) * w + bx, p, y * bw, bw);
        if (turned) Array.Reverse(p); // row-major pixels reversed = the band turned 180°
        var band = new GrayImage(p, bw, bh);
        // 85.6 mm wide card: its pixel width gives the resolution Tesseract is told.
        int ppi = (int)(w / (85.6 / 25.4));
        if (w <= MaxCardWidth) return (band, ppi);
        double s = (double)MaxCardWidth / w;
        using var m = IdNumberReader.FromGray(band);
        m.Resize((uint)Math.Max(1, bw * s), (uint)Math.Max(1, bh * s));
        return (new GrayImage(m.ToByteArray(MagickFormat.Gray), (int)m.Width, (int)m.Height), (int)(ppi * s));
    }
}
