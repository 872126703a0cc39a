using ImageMagick;
using ImageMagick.Drawing;

namespace FormArchive.ScanGen;

/// <summary>
/// The two faces of an invented second-generation resident ID card (85.6 × 54 mm), drawn at any resolution.
/// Positions and sizes vary a little from card to card (printers, card batches) so that a reader cannot rely on
/// fixed coordinates; the number is set in OCR-B (as on real cards) or in a sans face.
/// </summary>
public static class IdCardFaces
{
    public const double WidthMm = 85.6, HeightMm = 54;

    public static MagickImage Front(Random rng, SyntheticPerson p, double pxPerMm, string printedNumber, bool ocrB)
    {
        var card = Background(rng, pxPerMm, Paint.Rgb(238, 243, 240), Paint.Rgb(226, 236, 238));
        double k = pxPerMm;
        double dx = rng.Range(-1.2, 1.2), dy = rng.Range(-1.0, 1.0); // the whole print shifted on the card
        double fs = rng.Range(0.9, 1.1);                                 // the whole print a little larger or smaller
        double J() => rng.Range(-0.5, 0.5);
        var label = Paint.Rgb(rng.Next(30, 60), rng.Next(95, 125), rng.Next(150, 185));
        var ink = Paint.Rgb(rng.Next(10, 35), rng.Next(10, 30), rng.Next(10, 30));
        double lx = 6 + dx, vx = 17.5 + dx;
        double lab = 2.9 * fs * k, val = 3.9 * fs * k;

        Paint.Text(card, CaptureFonts.Sans, lab, label, (lx + J()) * k, (10.5 + dy + J()) * k, "姓 名");
        Paint.Text(card, CaptureFonts.Sans, val * 1.05, ink, (vx + J()) * k, (10.8 + dy) * k, p.Name);
        Paint.Text(card, CaptureFonts.Sans, lab, label, (lx + J()) * k, (17.3 + dy + J()) * k, "性 别");
        Paint.Text(card, CaptureFonts.Sans, val, ink, (vx + J()) * k, (17.5 + dy) * k, p.Sex);
        Paint.Text(card, CaptureFonts.Sans, lab, label, (28 + dx + J()) * k, (17.3 + dy + J()) * k, "民 族");
        Paint.Text(card, CaptureFonts.Sans, val, ink, (39 + dx + J()) * k, (17.5 + dy) * k, p.Ethnicity);
        Paint.Text(card, CaptureFonts.Sans, lab, label, (lx + J()) * k, (24 + dy + J()) * k, "出 生");
        var b = p.BirthDate;
        double by = (24.2 + dy) * k;
        Paint.Text(card, CaptureFonts.Sans, val, ink, vx * k, by, b.Year.ToString(Inv));
        Paint.Text(card, CaptureFonts.Sans, lab, label, (vx + 9.5) * k, by, "年");
        Paint.Text(card, CaptureFonts.Sans, val, ink, (vx + 13.5) * k, by, b.Month.ToString(Inv));
        Paint.Text(card, CaptureFonts.Sans, lab, label, (vx + 18) * k, by, "月");
        Paint.Text(card, CaptureFonts.Sans, val, ink, (vx + 22) * k, by, b.Day.ToString(Inv));
        Paint.Text(card, CaptureFonts.Sans, lab, label, (vx + 26.5) * k, by, "日");
        Paint.Text(card, CaptureFonts.Sans, lab, label, (lx + J()) * k, (31 + dy + J()) * k, "住 址");
        int perLine = 10;
        var addr = p.Address;
        for (int line = 0; line * perLine < addr.Length && line < 3; line++)
            Paint.Text(card, CaptureFonts.Sans, val * 0.92, ink, vx * k, (31.2 + dy + line * 4.9) * k, addr.Substring(line * perLine, Math.Min(perLine, addr.Length - line * perLine)));

        double ny = (47.8 + dy + J() * 0.6) * k;
        Paint.Text(card, CaptureFonts.Sans, lab, label, (lx + J()) * k, ny - 0.1 * k, "公民身份号码");
        double nx = (27.5 + dx + J()) * k;
        // the number runs to about 4 mm from the card's right edge on real cards; scale the face so it fits
        var font = ocrB && CaptureFonts.OcrB is { } ocr ? ocr : CaptureFonts.Sans;
        double size = (font == CaptureFonts.Sans ? 4.3 : 4.5) * fs * k, kern = (font == CaptureFonts.Sans ? 0.5 : 0.35) * k;
        double room = (WidthMm - 3.5) * k - nx, width = Paint.TextWidth(card, font, size, printedNumber) + 17 * kern;
        if (width > room) { size *= room / width; kern *= room / width; }
        Paint.Text(card, font, size, ink, nx, ny + 0.2 * k, printedNumber, kern);
        Photo(rng, card, k, 55.5 + dx * 0.5, 6 + dy * 0.5);
        return card;
    }

    public static MagickImage Back(Random rng, double pxPerMm, string authority, string validity)
    {
        var card = Background(rng, pxPerMm, Paint.Rgb(240, 244, 246), Paint.Rgb(246, 240, 228));
        double k = pxPerMm, dx = rng.Range(-1, 1), dy = rng.Range(-0.8, 0.8), fs = rng.Range(0.9, 1.1);
        var ink = Paint.Rgb(rng.Next(15, 35), rng.Next(15, 30), rng.Next(15, 30));
        Emblem(card, k, 13 + dx, 13.5 + dy);
        Paint.Text(card, CaptureFonts.SansBold, 4.6 * fs * k, ink, (29 + dx) * k, (12 + dy) * k, "中华人民共和国", 0.9 * k);
        Paint.Text(card, CaptureFonts.SansBold, 6.6 * fs * k, ink, (28 + dx) * k, (23 + dy) * k, "居民身份证", 2.2 * k);
        double lab = 2.9 * fs * k, val = 3.3 * fs * k;
        Paint.Text(card, CaptureFonts.Sans, lab, ink, (17 + dx) * k, (41 + dy) * k, "签发机关");
        Paint.Text(card, CaptureFonts.Sans, val, ink, (31 + dx) * k, (41.2 + dy) * k, authority);
        Paint.Text(card, CaptureFonts.Sans, lab, ink, (17 + dx) * k, (47.5 + dy) * k, "有效期限");
        Paint.Text(card, CaptureFonts.Sans, val, ink, (31 + dx) * k, (47.7 + dy) * k, validity);
        return card;
    }

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>Pale card stock with fine guilloche lines and rounded corners (outside transparent).</summary>
    internal static MagickImage Background(Random rng, double k, MagickColor a, MagickColor b) =>
        CardStock.Make(rng, (int)Math.Round(WidthMm * k), (int)Math.Round(HeightMm * k), a, b, 3.2 * k, 9,
            Paint.Rgb(rng.Next(175, 200), rng.Next(195, 215), rng.Next(200, 220), 150), Math.Max(1, 0.12 * k));

    /// <summary>A portrait area: pale backdrop, hair, face, neck and clothing as soft shapes (no face is drawn).</summary>
    private static void Photo(Random rng, MagickImage card, double k, double xMm, double yMm)
    {
        // drawn at a quarter size and scaled up: soft edges like a printed photo, and cheap
        int pw = (int)(25 * k / 4), ph = (int)(31 * k / 4);
        using var photo = new MagickImage(Paint.Rgb(rng.Next(225, 245), rng.Next(230, 245), rng.Next(235, 250)), (uint)pw, (uint)ph);
        int skin = rng.Next(170, 215), hair = rng.Next(15, 50), cloth = rng.Next(30, 110);
        var skinC = Paint.Rgb(skin + 25, skin - 5, skin - 35);
        new Drawables()
            .FillColor(Paint.Rgb(cloth, cloth, cloth + rng.Next(0, 40))).Ellipse(pw * 0.5, ph * 1.08, pw * 0.52, ph * 0.3, 0, 360)
            .FillColor(skinC).Rectangle(pw * 0.42, ph * 0.55, pw * 0.58, ph * 0.8)
            .FillColor(Paint.Rgb(hair, hair, hair)).Ellipse(pw * 0.5, ph * 0.36, pw * 0.25, ph * 0.22, 0, 360)
            .FillColor(skinC).Ellipse(pw * 0.5, ph * 0.45, pw * 0.19, ph * 0.2, 0, 360)
            .FillColor(Paint.Rgb(hair, hair, hair)).Ellipse(pw * 0.5, ph * 0.3, pw * 0.22, ph * 0.1, 180, 360)
            .Draw(photo);
        photo.Resize(new MagickGeometry((uint)(25 * k), (uint)(31 * k)) { IgnoreAspectRatio = true }, FilterType.Triangle);
        card.Composite(photo, (int)(xMm * k), (int)(yMm * k), CompositeOperator.Over);
    }

    /// <summary>A stand-in for the national emblem: red disc, gold ring and five gold stars.</summary>
    private static void Emblem(MagickImage card, double k, double cxMm, double cyMm)
    {
        double cx = cxMm * k, cy = cyMm * k, r = 8.5 * k;
        var gold = Paint.Rgb(222, 170, 40);
        var d = new Drawables().FillColor(Paint.Rgb(200, 30, 35)).StrokeColor(gold).StrokeWidth(0.9 * k).Circle(cx, cy, cx + r, cy);
        d.FillColor(gold).StrokeWidth(0);
        d.Polygon(Star(cx, cy - 3.2 * k, 2.2 * k));
        for (int i = 0; i < 4; i++) d.Polygon(Star(cx - 4.5 * k + i * 3 * k, cy + (i is 0 or 3 ? -1 : -3.8) * k + 1.5 * k, 0.8 * k));
        d.Rectangle(cx - 4.5 * k, cy + 3 * k, cx + 4.5 * k, cy + 4.2 * k);
        d.Draw(card);
    }

    private static IEnumerable<PointD> Star(double cx, double cy, double r)
    {
        for (int i = 0; i < 10; i++)
        {
            double a = -Math.PI / 2 + i * Math.PI / 5, rr = i % 2 == 0 ? r : r * 0.4;
            yield return new PointD(cx + rr * Math.Cos(a), cy + rr * Math.Sin(a));
        }
    }
}
