using System.Globalization;
using FormArchive.Domain;
using ImageMagick;
using ImageMagick.Drawing;

namespace FormArchive.ScanGen;

/// <summary>Kind of synthetic document.</summary>
public enum SyntheticKind
{
    IdFront, IdBack, HukouMember, HukouHome, BankCard,
    // captures made the way clerks make them (see CaptureKinds)
    CameraIdFront, CameraIdBack, CameraBankCard, Photocopy, CameraHukouMember, BadChecksumId, HospitalPage, CameraIdBoth,
}

/// <summary>Ground truth of one generated scan (stored beside the image as JSON).</summary>
public sealed record ScanTruth
{
    public required string File { get; init; }
    public required SyntheticKind Kind { get; init; }
    /// <summary>The number printed on the document (ID or bank card), if any.</summary>
    public string? Number { get; init; }
    public string? Name { get; init; }
    /// <summary>Small rotation applied to the document, degrees clockwise.</summary>
    public double SkewDegrees { get; init; }
    /// <summary>Quarter turn applied to the whole scene, degrees clockwise (0/90/180/270).</summary>
    public int QuarterTurn { get; init; }
    /// <summary>Clockwise rotation that makes the document upright again.</summary>
    public int UprightRotation => (360 - QuarterTurn) % 360;
    public int Dpi { get; init; }

    // ---- added for the capture kinds; null (omitted) on the older kinds ----
    /// <summary>ID numbers that must be read as valid on the page, in any order (empty on negatives).</summary>
    public List<string>? Numbers { get; init; }
    /// <summary>What was printed where an ID number belongs when it is not a valid ID number (bad-checksum-id).</summary>
    public string? PrintedNumber { get; init; }
    /// <summary>The bank card number (Luhn-valid), camera-bank-card.</summary>
    public string? BankNumber { get; init; }
    /// <summary>The person on a card front or 户口簿 card (the first one if there are several).</summary>
    public PersonTruth? Person { get; init; }
    /// <summary>Everyone whose card is on the page, in print order (photocopies).</summary>
    public List<PersonTruth>? People { get; init; }
    public string? IssuingAuthority { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? ValidFrom { get; init; }
    /// <summary>yyyy-MM-dd, or "长期".</summary>
    public string? ValidTo { get; init; }
    /// <summary>The card ran out before <see cref="CardBackFacts.CaptureDate"/> (2026-11-27).</summary>
    public bool? Expired { get; init; }
    /// <summary>Each document in the final image, in print order (photocopy: the top card first), as four [x, y]
    /// points — the document's own top-left, top-right, bottom-right, bottom-left corners, wherever the turn put them.</summary>
    public List<double[][]>? Corners { get; init; }
    /// <summary>"camera", "photocopy" or "flatbed".</summary>
    public string? Style { get; init; }
    /// <summary>Variant of a kind: hospital-page "with-id" / "no-id" / "decoy"; photocopy "front-back" / "two-fronts".</summary>
    public string? Variant { get; init; }
    /// <summary>Face of the printed ID number: "ocr-b" or "sans".</summary>
    public string? NumberFont { get; init; }
    /// <summary>户口簿: the label of the number cell ("公民身份证件编号" or "公民身份号码").</summary>
    public string? NumberLabel { get; init; }
    /// <summary>户口簿: the 9-digit 户号 printed near the top (not an ID number).</summary>
    public string? HouseholdNumber { get; init; }
    /// <summary>户口簿: a red grid line runs through the number.</summary>
    public bool? GridCrossesNumber { get; init; }
    /// <summary>Digit runs on the page that are not ID numbers (门诊号, 住院号, phones, decoys).</summary>
    public List<string>? OtherNumbers { get; init; }
    /// <summary>The photocopy's handwritten note, or the hospital page's title.</summary>
    public string? Note { get; init; }
    public string? Desk { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int? JpegQuality { get; init; }
    public double? BlurSigma { get; init; }
    /// <summary>Share of the frame the (first) document covers (camera).</summary>
    public double? DocumentArea { get; init; }
}

/// <summary>Facts about a person printed on a card or 户口簿 page.</summary>
public sealed record PersonTruth(string Name, string Sex, string Ethnicity, string BirthDate, string Address, string? Relationship = null, string? IdNumber = null)
{
    public static PersonTruth Of(SyntheticPerson p, string? relationship = null) =>
        new(p.Name, p.Sex, p.Ethnicity, p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Address, relationship, p.IdNumber);
}

/// <summary>Degradations applied to a scene.</summary>
public sealed record ScanStyle
{
    public double MaxSkew { get; init; } = 12;
    public bool QuarterTurns { get; init; } = true;
    public double BlurMax { get; init; } = 1.2;
    public double NoiseMax { get; init; } = 0.6;
    public int JpegQualityMin { get; init; } = 60;
    public int JpegQualityMax { get; init; } = 90;
    /// <summary>Pixels per inch of the document as seen by the camera.</summary>
    public int CardDpi { get; init; } = 300;
    public int PageDpi { get; init; } = 150;
}

/// <summary>
/// Draws invented ID-card-like cards, 户口簿-like pages and bank cards with the Noto CJK fonts, lays them on a
/// desk, rotates, blurs, adds noise and uneven light and JPEG-compresses them. Everything is seeded.
/// </summary>
public sealed class ScanGenerator
{
    public const string FontDir = "/usr/share/fonts/opentype/noto";
    private static readonly string Sans = Path.Combine(FontDir, "NotoSansCJK-Regular.ttc");
    private static readonly string SansBold = Path.Combine(FontDir, "NotoSansCJK-Bold.ttc");
    private static readonly string Serif = Path.Combine(FontDir, "NotoSerifCJK-Regular.ttc");

    private readonly Random _rng;
    private readonly ScanStyle _style;

    public ScanGenerator(int seed, ScanStyle? style = null)
    {
        _rng = new Random(seed);
        _style = style ?? new ScanStyle();
    }

    /// <summary>Makes one scan; returns JPEG bytes and the truth (File left empty).</summary>
    public (byte[] Jpeg, ScanTruth Truth) Make(SyntheticKind kind, SyntheticPerson? person = null, double? skew = null, int? quarter = null)
    {
        if (kind >= SyntheticKind.CameraIdFront) return CaptureKinds.Make(_rng, kind, person);
        person ??= SyntheticPerson.Create(_rng);
        string? number = null;
        int dpi = kind is SyntheticKind.HukouHome or SyntheticKind.HukouMember ? _style.PageDpi : _style.CardDpi;
        using var doc = kind switch
        {
            SyntheticKind.IdFront => IdFront(person, dpi),
            SyntheticKind.IdBack => IdBack(dpi),
            SyntheticKind.HukouMember => HukouMember(person, dpi),
            SyntheticKind.HukouHome => HukouHome(person, dpi),
            _ => BankCard(dpi, out number),
        };
        if (kind is SyntheticKind.IdFront or SyntheticKind.HukouMember) number = person.IdNumber;
        double s = skew ?? Math.Round((_rng.NextDouble() * 2 - 1) * _style.MaxSkew, 2);
        int q = quarter ?? (_style.QuarterTurns ? _rng.Next(4) * 90 : 0);
        var jpeg = Scene(doc, s, q);
        return (jpeg, new ScanTruth
        {
            File = "", Kind = kind, Number = number, Name = kind is SyntheticKind.IdFront or SyntheticKind.HukouMember or SyntheticKind.HukouHome ? person.Name : null,
            SkewDegrees = s, QuarterTurn = q, Dpi = dpi,
        });
    }

    private static int Mm(double mm, int dpi) => (int)Math.Round(mm / 25.4 * dpi);

    private static void Text(MagickImage img, string font, double sizePx, MagickColor color, double x, double y, string text, double kerning = 0)
    {
        var d = new Drawables().Font(font).FontPointSize(sizePx).FillColor(color);
        if (kerning != 0) d.TextKerning(kerning);
        d.Text(x, y, text).Draw(img);
    }

    private MagickImage CardBase(int dpi, MagickColor a, MagickColor b)
    {
        int w = Mm(85.6, dpi), h = Mm(54, dpi);
        var card = new MagickImage($"gradient:{a}-{b}", (uint)w, (uint)h);
        // faint guilloche-like waves
        var waves = new Drawables().StrokeColor(new MagickColor(180, 200, 210)).StrokeWidth(1).FillColor(MagickColors.Transparent);
        for (int k = 0; k < 6; k++)
        {
            var pts = new List<PointD>();
            for (int x = 0; x <= w; x += 8) pts.Add(new PointD(x, h * (0.15 + k * 0.14) + Math.Sin(x / 40.0 + k) * h * 0.03));
            waves.Polyline(pts);
        }
        waves.Draw(card);
        return card;
    }

    private MagickImage IdFront(SyntheticPerson p, int dpi)
    {
        var card = CardBase(dpi, new MagickColor("#f4f7f6"), new MagickColor("#e3ece9"));
        double u = dpi / 300.0;
        var label = new MagickColor("#3a6f8f");
        var ink = new MagickColor("#111111");
        Text(card, Sans, 26 * u, label, 60 * u, 95 * u, "姓 名");
        Text(card, SansBold, 38 * u, ink, 170 * u, 97 * u, p.Name);
        Text(card, Sans, 26 * u, label, 60 * u, 170 * u, "性 别");
        Text(card, Sans, 32 * u, ink, 170 * u, 170 * u, p.Sex);
        Text(card, Sans, 26 * u, label, 280 * u, 170 * u, "民 族");
        Text(card, Sans, 32 * u, ink, 380 * u, 170 * u, p.Ethnicity);
        Text(card, Sans, 26 * u, label, 60 * u, 245 * u, "出 生");
        Text(card, Sans, 32 * u, ink, 170 * u, 245 * u,
            $"{p.BirthDate.Year}  年  {p.BirthDate.Month}  月  {p.BirthDate.Day}  日");
        Text(card, Sans, 26 * u, label, 60 * u, 320 * u, "住 址");
        var addr = p.Address;
        Text(card, Sans, 30 * u, ink, 170 * u, 320 * u, addr[..Math.Min(14, addr.Length)]);
        if (addr.Length > 14) Text(card, Sans, 30 * u, ink, 170 * u, 370 * u, addr[14..]);
        Text(card, Sans, 26 * u, label, 60 * u, 560 * u, "公民身份号码");
        Text(card, SansBold, 40 * u, ink, 290 * u, 562 * u, p.IdNumber, 6 * u);
        // photo placeholder (a plain silhouette, no face)
        new Drawables().FillColor(new MagickColor("#cfd8dc")).Rectangle(700 * u, 70 * u, 960 * u, 400 * u)
            .FillColor(new MagickColor("#90a4ae")).Ellipse(830 * u, 190 * u, 70 * u, 85 * u, 0, 360)
            .Ellipse(830 * u, 400 * u, 120 * u, 110 * u, 180, 360).Draw(card);
        return card;
    }

    private MagickImage IdBack(int dpi)
    {
        var card = CardBase(dpi, new MagickColor("#eef4f8"), new MagickColor("#f8f3e8"));
        double u = dpi / 300.0;
        var ink = new MagickColor("#111111");
        new Drawables().FillColor(new MagickColor("#c62828")).Circle(140 * u, 140 * u, 140 * u, 60 * u).Draw(card);
        Text(card, SansBold, 52 * u, ink, 290 * u, 130 * u, "中华人民共和国", 8 * u);
        Text(card, SansBold, 72 * u, ink, 300 * u, 250 * u, "居民身份证", 20 * u);
        var counties = new[] { "池州市公安局贵池分局", "东至县公安局", "石台县公安局", "青阳县公安局", "云阳县公安局" };
        Text(card, Sans, 26 * u, ink, 160 * u, 480 * u, "签发机关");
        Text(card, Sans, 30 * u, ink, 300 * u, 480 * u, counties[_rng.Next(counties.Length)]);
        int y = _rng.Next(2010, 2024), m = _rng.Next(1, 13), d = _rng.Next(1, 28);
        Text(card, Sans, 26 * u, ink, 160 * u, 550 * u, "有效期限");
        Text(card, Sans, 30 * u, ink, 300 * u, 550 * u, $"{y}.{m:D2}.{d:D2}-{y + 20}.{m:D2}.{d:D2}");
        return card;
    }

    private MagickImage Page(int dpi, out double u)
    {
        u = dpi / 150.0;
        return new MagickImage(new MagickColor("#fbf8ef"), (uint)Mm(210, dpi), (uint)Mm(297, dpi));
    }

    private static void Cell(MagickImage img, double u, double x, double y, double w, double h)
        => new Drawables().StrokeColor(new MagickColor("#8d4e3a")).StrokeWidth(1.5 * u).FillColor(MagickColors.Transparent)
            .Rectangle(x * u, y * u, (x + w) * u, (y + h) * u).Draw(img);

    private MagickImage HukouMember(SyntheticPerson p, int dpi)
    {
        var page = Page(dpi, out var u);
        var ink = new MagickColor("#161616");
        var red = new MagickColor("#8d4e3a");
        Text(page, SansBold, 44 * u, red, 370 * u, 140 * u, "常住人口登记卡", 6 * u);
        string[] labels = ["姓名", "户主或与户主关系", "曾用名", "性别", "出生地", "民族", "籍贯", "出生日期", "本市(县)其他住址", "宗教信仰", "公民身份号码", "身高", "文化程度", "婚姻状况", "兵役状况", "服务处所", "职业"];
        string[] values = [p.Name, _rng.Next(2) == 0 ? "户主" : "子", "", p.Sex, p.Address[..Math.Min(9, p.Address.Length)], p.Ethnicity, p.Address[..3],
            $"{p.BirthDate.Year}年{p.BirthDate.Month}月{p.BirthDate.Day}日", "", "", p.IdNumber, $"{_rng.Next(150, 185)}厘米", "初中", "已婚", "", "", "农民"];
        double y = 200;
        for (int i = 0; i < labels.Length; i++)
        {
            Cell(page, u, 110, y, 330, 80);
            Cell(page, u, 440, y, 690, 80);
            Text(page, Sans, 24 * u, red, 125 * u, (y + 52) * u, labels[i]);
            if (values[i].Length > 0)
                Text(page, i == 10 ? SansBold : Serif, (i == 10 ? 34 : 28) * u, ink, 465 * u, (y + 54) * u, values[i], i == 10 ? 4 * u : 0);
            y += 80;
        }
        Text(page, Sans, 22 * u, red, 110 * u, (y + 70) * u, $"登记日期：{_rng.Next(2008, 2024)}年{_rng.Next(1, 13)}月{_rng.Next(1, 28)}日      承办人签章：");
        return page;
    }

    private MagickImage HukouHome(SyntheticPerson p, int dpi)
    {
        var page = Page(dpi, out var u);
        var ink = new MagickColor("#161616");
        var red = new MagickColor("#8d4e3a");
        Text(page, SansBold, 50 * u, red, 420 * u, 160 * u, "户  口  簿", 10 * u);
        string[] labels = ["户别", "户主姓名", "户号", "住址", "户口登记机关", "承办人签章"];
        string[] values = [_rng.Next(2) == 0 ? "农业家庭户口" : "非农业家庭户口", p.Name, _rng.Next(100000, 999999).ToString(CultureInfo.InvariantCulture), p.Address, "云阳县公安局青龙派出所", ""];
        double y = 260;
        foreach (var (l, v) in labels.Zip(values))
        {
            Cell(page, u, 110, y, 300, 110);
            Cell(page, u, 410, y, 720, 110);
            Text(page, Sans, 28 * u, red, 130 * u, (y + 68) * u, l);
            if (v.Length > 0) Text(page, Serif, 30 * u, ink, 430 * u, (y + 68) * u, v);
            y += 110;
        }
        Text(page, Sans, 24 * u, red, 110 * u, (y + 90) * u, "户 口 登 记 机 关 盖 章");
        return page;
    }

    private MagickImage BankCard(int dpi, out string number)
    {
        var card = CardBase(dpi, new MagickColor("#1b5e20"), new MagickColor("#4caf50"));
        double u = dpi / 300.0;
        var digits = "622848" + string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + _rng.Next(10))));
        var num = digits + Luhn.CheckDigit(digits);
        number = num;
        Text(card, SansBold, 48 * u, MagickColors.White, 60 * u, 110 * u, "示例农村商业银行");
        Text(card, Sans, 28 * u, MagickColors.White, 60 * u, 165 * u, "借记卡  DEBIT");
        string grouped = string.Join(' ', Enumerable.Range(0, (num.Length + 3) / 4).Select(i => num.Substring(i * 4, Math.Min(4, num.Length - i * 4))));
        Text(card, SansBold, 52 * u, MagickColors.White, 60 * u, 430 * u, grouped, 4 * u);
        Text(card, Sans, 26 * u, MagickColors.White, 760 * u, 580 * u, "银联 UnionPay");
        return card;
    }

    /// <summary>Lays the document on a desk, skews, turns, lights unevenly, blurs, adds noise, encodes JPEG.</summary>
    private byte[] Scene(MagickImage doc, double skew, int quarter)
    {
        int margin = (int)(Math.Max(doc.Width, doc.Height) * (0.12 + _rng.NextDouble() * 0.1));
        uint w = doc.Width + (uint)(2 * margin), h = doc.Height + (uint)(2 * margin);
        var desk = new MagickColor((byte)_rng.Next(40, 90), (byte)_rng.Next(30, 60), (byte)_rng.Next(20, 45));
        using var scene = new MagickImage(desk, w, h);
        using (var grain = new MagickImage($"plasma:{desk}-{desk}", w / 4, h / 4))
        {
            grain.Resize(w, h);
            grain.Evaluate(Channels.All, EvaluateOperator.Multiply, 0.5);
            scene.Composite(grain, CompositeOperator.Blend, "50");
        }
        doc.BackgroundColor = MagickColors.Transparent;
        doc.Alpha(ImageMagick.AlphaAction.Set);
        doc.Rotate(skew);
        // soft shadow
        using (var shadow = doc.Clone())
        {
            shadow.Shadow(0, 0, 6, new Percentage(60), MagickColors.Black);
            scene.Composite(shadow, (int)((w - shadow.Width) / 2) + 8, (int)((h - shadow.Height) / 2) + 8, CompositeOperator.Over);
        }
        scene.Composite(doc, (int)((w - doc.Width) / 2), (int)((h - doc.Height) / 2), CompositeOperator.Over);
        if (quarter != 0) scene.Rotate(quarter);

        // uneven light: a gradient multiplied in at a random direction
        using (var light = new MagickImage($"gradient:gray({_rng.Next(70, 90)}%)-white", scene.Width, scene.Height))
        {
            if (_rng.Next(2) == 0) light.Flip();
            if (_rng.Next(2) == 0) light.Flop();
            scene.Composite(light, CompositeOperator.Multiply);
        }
        double blur = _rng.NextDouble() * _style.BlurMax;
        if (blur > 0.2) scene.GaussianBlur(0, blur);
        double noise = _rng.NextDouble() * _style.NoiseMax;
        if (noise > 0.05) scene.AddNoise(NoiseType.Gaussian, noise);
        scene.Alpha(ImageMagick.AlphaAction.Off);
        scene.Format = MagickFormat.Jpeg;
        scene.Quality = (uint)_rng.Next(_style.JpegQualityMin, _style.JpegQualityMax + 1);
        scene.Strip();
        return scene.ToByteArray();
    }
}
