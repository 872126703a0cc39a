using ImageMagick;
using ImageMagick.Drawing;

namespace FormArchive.ScanGen;

/// <summary>What a generated photocopy holds.</summary>
public sealed record PhotocopyFacts(List<SyntheticPerson> People, CardBackFacts? Back, string Note, List<double[][]> Corners, int Dpi, double Skew, int Quarter, int Quality, int Width, int Height);

/// <summary>
/// An A4 grey photocopy (150/200/300 dpi) of an ID card, front above back — or the fronts of two members — with a
/// handwritten note across it ("此复印件仅供…使用"), toner specks, copier grey levels, up to ±4° skew, sometimes upside down.
/// </summary>
public static class PhotocopyPage
{
    private static readonly string[] Notes =
    [
        "此复印件仅供办理低保申请使用，他用无效", "仅供办理临时救助使用 再次复印无效", "此件仅供特困供养审核使用，他用无效",
        "与原件一致 仅供低保年审使用", "本复印件仅用于申请最低生活保障",
    ];

    public static (byte[] Jpeg, PhotocopyFacts Facts) Make(Random rng, SyntheticPerson first, SyntheticPerson? second, bool? expired, CaptureOptions o)
    {
        int dpi = rng.Pick(new[] { 150, 200, 300 });
        dpi = o.Dpi ?? dpi;
        double k = dpi / 25.4;
        int W = (int)Math.Round(210 * k), H = (int)Math.Round(297 * k);
        byte paper = (byte)rng.Next(218, 245);
        using var page = new MagickImage(new MagickColor(paper, paper, paper), (uint)W, (uint)H);
        // The page lies skewed on the glass: every element is drawn turned by the skew about the page centre
        // (cheaper than turning an 8.7-megapixel page afterwards); upside down is a plain 180° turn at the end.
        double skew = Math.Round(rng.Range(-4, 4), 2);
        int quarter = rng.NextDouble() < 0.3 ? 180 : 0;
        quarter = o.Quarter ?? quarter;
        double sr = skew * Math.PI / 180, sc = Math.Cos(sr), ss = Math.Sin(sr);
        (double X, double Y) Turn(double x, double y) => (W / 2.0 + (x - W / 2.0) * sc - (y - H / 2.0) * ss, H / 2.0 + (x - W / 2.0) * ss + (y - H / 2.0) * sc);

        CardBackFacts? back = second is null ? CardBackFacts.For(rng, first, expired, o.LongTerm) : null;
        var corners = new List<(double X, double Y)[]>();
        double cardW = IdCardFaces.WidthMm * k, cardH = IdCardFaces.HeightMm * k;
        double cx = W / 2.0 + rng.Range(-12, 12) * k, top = rng.Range(35, 70) * k, gap = rng.Range(18, 45) * k;
        gap = o.GapMm is { } g ? g * k : gap;
        double lo = rng.Range(4, 14), hi = rng.Range(78, 92); // copier levels: pale print drops out, ink goes black
        for (int i = 0; i < 2; i++)
        {
            using var face = i == 0 || second is not null
                ? IdCardFaces.Front(rng, i == 0 ? first : second!, k, (i == 0 ? first : second!).IdNumber, rng.NextDouble() < 0.5)
                : IdCardFaces.Back(rng, k, back!.IssuingAuthority, back.Printed);
            face.Grayscale();
            face.Level(new Percentage(lo), new Percentage(hi), Channels.Gray);
            // the card's edge copies as a dark outline (straight edges only: a stroked round rectangle costs a fill)
            double e = 3.2 * k, fw = face.Width - 1.0, fh = face.Height - 1.0;
            new Drawables().StrokeColor(new MagickColor(70, 70, 70)).StrokeWidth(Math.Max(1, 0.25 * k))
                .Line(e, 0.5, fw - e, 0.5).Line(e, fh, fw - e, fh).Line(0.5, e, 0.5, fh - e).Line(fw, e, fw, fh - e).Draw(face);
            double a = rng.Range(-1.5, 1.5);
            double ccx = cx + rng.Range(-6, 6) * k, ccy = top + cardH / 2 + i * (cardH + gap);
            (ccx, ccy) = Turn(ccx, ccy);
            face.BackgroundColor = MagickColors.Transparent;
            face.Rotate(a + skew);
            page.Composite(face, (int)Math.Round(ccx - face.Width / 2.0), (int)Math.Round(ccy - face.Height / 2.0), CompositeOperator.Over);
            corners.Add(RectCorners(ccx, ccy, cardW, cardH, a + skew));
        }

        // the handwritten note, diagonal across the cards
        string note = rng.Pick(Notes);
        var font = CaptureFonts.Kai ?? CaptureFonts.Serif;
        double size = rng.Range(8, 11) * k, angle = -rng.Range(25, 45);
        angle = o.NoteRise is { } rise ? -rise : angle;
        double noteW = Paint.TextWidth(page, font, size, note);
        double midY = top + cardH + gap / 2 + size / 3, rad = angle * Math.PI / 180;
        byte inkGrey = (byte)rng.Next(15, 60);
        var ink = new MagickColor(inkGrey, inkGrey, inkGrey, (byte)rng.Next(150, 215));
        var at = Turn(cx - Math.Cos(rad) * noteW / 2, midY - Math.Sin(rad) * noteW / 2 + rng.Range(-10, 10) * k);
        Paint.TextRotated(page, font, size, ink, at.X, at.Y, angle + skew, note);
        var sig = Turn(cx + rng.Range(5, 30) * k, Math.Min(H - 20 * k, top + 2 * cardH + gap + rng.Range(18, 30) * k));
        Paint.TextRotated(page, font, size * 0.8, ink, sig.X, sig.Y, skew, $"{first.Name}  {CardBackFacts.CaptureDate.AddDays(-rng.Next(1, 40)):yyyy.M.d}");

        // toner specks and a faint drum streak
        var specks = new Drawables().FillColor(new MagickColor(30, 30, 30, 200));
        for (int i = rng.Next(80, 400); i > 0; i--)
        {
            double r = rng.Range(0.3, 1.6) * k / 8;
            specks.Ellipse(rng.Range(0, W), rng.Range(0, H), r, r * rng.Range(0.6, 1.4), 0, 360);
        }
        if (rng.NextDouble() < 0.5)
        {
            double x = rng.Range(0, W);
            specks.FillColor(new MagickColor(90, 90, 90, 30)).Rectangle(x, 0, x + rng.Range(1, 3) * k / 4, H);
        }
        specks.Draw(page);

        var flat = Raster.Of(page, 1);
        // copier lid shadow / uneven drum: a soft darker band at the top or bottom edge
        int band = H / rng.Next(10, 16);
        double dark = rng.Range(0.55, 0.85);
        if (rng.Next(2) == 0) flat.ShadeRows(0, band, y => dark + (1 - dark) * y / band);
        else flat.ShadeRows(H - band, H, y => dark + (1 - dark) * (H - 1 - y) / band);
        if (rng.NextDouble() < 0.6) flat.Blur(rng.Range(0.3, 0.8), 0, 0, W - 1, H - 1);
        flat.Noise(rng, rng.Range(2, 6));
        if (quarter == 180) Array.Reverse(flat.Px); // one channel: reversing the pixels turns the page by 180°
        using var img = flat.ToImage();
        int quality = rng.Next(60, 86);
        var jpeg = CameraScene.Encode(img, quality);
        var final = corners.Select(q => q.Select(p => quarter == 180
            ? new[] { Math.Round(W - p.X, 1), Math.Round(H - p.Y, 1) }
            : new[] { Math.Round(p.X, 1), Math.Round(p.Y, 1) }).ToArray()).ToList();
        var people = second is null ? new List<SyntheticPerson> { first } : [first, second];
        return (jpeg, new PhotocopyFacts(people, back, note, final, dpi, skew, quarter, quality, W, H));
    }

    /// <summary>Corners TL, TR, BR, BL of a w×h rectangle centred at (cx, cy) and turned by <paramref name="deg"/> clockwise.</summary>
    internal static (double X, double Y)[] RectCorners(double cx, double cy, double w, double h, double deg)
    {
        double r = deg * Math.PI / 180, c = Math.Cos(r), s = Math.Sin(r);
        return new (double, double)[] { (-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2) }
            .Select(p => (cx + p.Item1 * c - p.Item2 * s, cy + p.Item1 * s + p.Item2 * c)).ToArray();
    }
}
