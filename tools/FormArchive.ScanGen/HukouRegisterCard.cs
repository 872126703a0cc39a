using ImageMagick;
using ImageMagick.Drawing;

namespace FormArchive.ScanGen;

/// <summary>What a drawn 常住人口登记卡 holds besides the person.</summary>
public sealed record HukouCardFacts(string HouseholdNumber, string Relationship, string NumberLabel, bool GridCrossesNumber);

/// <summary>
/// A 常住人口登记卡 (户口簿 member page) in a booklet: red-brown ruled table, red printed labels, black typed values,
/// laid out like the real card (label/value pairs in columns), the 户号 printed near the top. Typed values sit a
/// little off their cells, as real prints do; sometimes a grid line runs through the ID number.
/// </summary>
public static class HukouRegisterCard
{
    public const double PageWmm = 130, PageHmm = 184, CoverMm = 4.5;

    private static readonly string[] MenRelations = ["户主", "夫", "长子", "次子", "孙子", "父亲"];
    private static readonly string[] WomenRelations = ["户主", "妻", "长女", "次女", "孙女", "母亲", "儿媳"];
    private static readonly string[] Schooling = ["小学", "初中", "高中", "中专", "大学专科", "大学本科", "文盲或半文盲"];
    private static readonly string[] Jobs = ["农民", "务农", "个体", "工人", "无业", "学生", "退休"];

    /// <summary>Draws page plus booklet cover edge; <paramref name="page"/> is the page rectangle (pixels) inside it.</summary>
    public static MagickImage Draw(Random rng, SyntheticPerson p, double k, out HukouCardFacts facts, out (double X, double Y, double W, double H) page, CaptureOptions? o = null)
    {
        double cover = CoverMm * k;
        int W = (int)Math.Round((PageWmm + 2 * CoverMm) * k), H = (int)Math.Round((PageHmm + 2 * CoverMm) * k);
        var coverColour = Paint.Rgb(rng.Next(95, 130), rng.Next(28, 45), rng.Next(25, 40));
        page = (cover, cover, PageWmm * k, PageHmm * k);
        var paper = Paint.Rgb(rng.Next(238, 250), rng.Next(232, 244), rng.Next(215, 232));
        var img = CardStock.Make(rng, W, H, coverColour, Paint.Rgb(coverColour.R - 20, coverColour.G - 8, coverColour.B - 8), 3 * k, 0, coverColour, 1,
            ((int)Math.Round(page.X), (int)Math.Round(page.Y), (int)Math.Round(page.W), (int)Math.Round(page.H), paper));

        var red = Paint.Rgb(rng.Next(175, 215), rng.Next(40, 80), rng.Next(35, 65));
        var ink = Paint.Rgb(rng.Next(10, 40), rng.Next(10, 35), rng.Next(10, 35));
        double ox = page.X + rng.Range(-1.0, 1.0) * k, oy = page.Y + rng.Range(-1.0, 1.0) * k, fs = rng.Range(0.92, 1.08);
        double X(double mm) => ox + mm * k;
        double Y(double mm) => oy + mm * k;

        string relation = rng.Pick(p.Sex == "男" ? MenRelations : WomenRelations);
        string hh = rng.Next(100000000, 999999999).ToString(Inv);
        bool old = rng.NextDouble() >= 0.75;
        string label = o?.OldLabel ?? old ? "公民身份号码" : "公民身份证件编号";

        Paint.Text(img, CaptureFonts.SerifBold, 7 * fs * k, red, X(37), Y(16), "常住人口登记卡", 0.8 * k);
        Paint.Text(img, CaptureFonts.Sans, 3 * fs * k, red, X(8), Y(24.5), "户号");
        Paint.Text(img, CaptureFonts.Serif, 3.6 * fs * k, ink, X(17 + rng.Range(-1, 1)), Y(24.7 + rng.Range(-0.5, 0.5)), hh);

        // Grid: x positions of the four columns (label, value, label, value), rows of 12.5 mm from y = 28.
        double left = 8, c1 = 29, c2 = 66, c3 = 87, right = 122, top = 28, rowH = 12.5;
        var lines = new Drawables().StrokeColor(red).StrokeWidth(Math.Max(1, 0.3 * k)).FillColor(MagickColors.Transparent);
        int rows = 11;
        // (strokes only: a stroked Rectangle costs Magick as much as filling it)
        lines.Line(X(left), Y(top), X(right), Y(top)).Line(X(left), Y(top + rows * rowH), X(right), Y(top + rows * rowH))
            .Line(X(left), Y(top), X(left), Y(top + rows * rowH)).Line(X(right), Y(top), X(right), Y(top + rows * rowH));
        for (int r = 1; r < rows; r++) lines.Line(X(left), Y(top + r * rowH), X(right), Y(top + r * rowH));
        string birth = $"{p.BirthDate.Year}年{p.BirthDate.Month:D2}月{p.BirthDate.Day:D2}日";
        var moved = new DateOnly(rng.Next(Math.Max(1985, p.BirthDate.Year + 1), 2025), rng.Next(1, 13), rng.Next(1, 29));
        string movedText = rng.NextDouble() < 0.5 ? "" : $"{moved.Year}年{moved.Month:D2}月{moved.Day:D2}日 {p.Address[..Math.Min(8, p.Address.Length)]}";
        string place = p.Address[..Math.Min(6, p.Address.Length)];
        var number = p.IdNumber;
        bool cross = rng.NextDouble() < 0.35;
        cross = o?.GridCrossesNumber ?? cross;
        // (row, label, value, column set): column sets 4 = two pairs; 2 = one pair spanning; 6 = three pairs.
        var cells = new List<(int Row, double L, double V, double End, string Label, string Value)>();
        void Pair(int row, double l, double v, double end, string lab, string val) => cells.Add((row, l, v, end, lab, val));
        Pair(0, left, c1, c2, "姓  名", p.Name); Pair(0, c2, c3, right, "户主或与\n户主关系", relation);
        Pair(1, left, c1, c2, "曾 用 名", ""); Pair(1, c2, c3, right, "性  别", p.Sex);
        Pair(2, left, c1, c2, "出 生 地", place); Pair(2, c2, c3, right, "民  族", p.Ethnicity + "族");
        Pair(3, left, c1, c2, "籍  贯", place[..Math.Min(5, place.Length)]); Pair(3, c2, c3, right, "出生日期", birth);
        Pair(4, left, c1, right, "本市（县）\n其他住址", "");
        Pair(5, left, c1, 53, "宗教信仰", rng.NextDouble() < 0.3 ? "无" : ""); Pair(5, 53, 74, right, label.Length > 6 ? "公民身份\n证件编号" : "公民身份\n号码", number);
        Pair(6, left, c1, c2, "身  高", $"{rng.Next(150, 186)}厘米"); Pair(6, c2, c3, right, "血  型", rng.Pick(new[] { "A型", "B型", "O型", "AB型", "不明" }));
        Pair(7, left, 24, 50, "文化程度", rng.Pick(Schooling)); Pair(7, 50, 64, 86, "婚姻状况", rng.Pick(new[] { "已婚", "未婚", "丧偶", "离婚" })); Pair(7, 86, 100, right, "兵役状况", rng.Pick(new[] { "未服兵役", "", "退出现役" }));
        Pair(8, left, c1, c2, "服务处所", ""); Pair(8, c2, c3, right, "职  业", rng.Pick(Jobs));
        Pair(9, left, 36, right, "何时由何地\n迁来本市（县）", movedText);
        Pair(10, left, 36, right, "何时由何地\n迁来本址", movedText);
        double numberSize = 3.7 * fs * k;
        foreach (var c in cells)
        {
            double y0 = top + c.Row * rowH;
            lines.Line(X(c.V), Y(y0), X(c.V), Y(y0 + rowH));
            if (c.L > left) lines.Line(X(c.L), Y(y0), X(c.L), Y(y0 + rowH));
            var parts = c.Label.Split('\n');
            double ls = (parts.Length > 1 ? 2.5 : 2.9) * fs * k;
            for (int i = 0; i < parts.Length; i++)
                Paint.Text(img, CaptureFonts.Sans, ls, red, X(c.L + 1.2), Y(y0 + (parts.Length > 1 ? 5.2 + i * 3.6 : 7.6)), parts[i]);
            if (c.Value.Length == 0) continue;
            bool isNumber = ReferenceEquals(c.Value, number);
            double vx = c.V + 1.5 + rng.Range(-0.6, 1.2), vy = y0 + 8 + rng.Range(-0.8, 0.8);
            if (isNumber && cross)
            {
                // printed off the cell: the bottom rule runs through the digits, or the cell's left rule through the first digit
                if (rng.Next(2) == 0) vy = y0 + rowH + rng.Range(-0.2, 0.9);
                else vx = c.V - rng.Range(0.3, 1.2);
            }
            if (isNumber)
                Paint.Text(img, CaptureFonts.Serif, numberSize, ink, X(vx), Y(vy), c.Value, 0.25 * k);
            else
            {
                double size = (c.Value.Length > 14 ? 3.0 : 3.6) * fs * k;
                Paint.Text(img, CaptureFonts.Serif, size, ink, X(vx), Y(vy), c.Value);
            }
        }
        lines.Draw(img);
        double by = top + rows * rowH;
        var reg = new DateOnly(rng.Next(2005, 2025), rng.Next(1, 13), rng.Next(1, 29));
        Paint.Text(img, CaptureFonts.Sans, 2.9 * fs * k, red, X(10), Y(by + 10), "承办人签章");
        Paint.Text(img, CaptureFonts.Sans, 2.9 * fs * k, red, X(70), Y(by + 10), "登记日期");
        Paint.Text(img, CaptureFonts.Serif, 3.4 * fs * k, ink, X(84), Y(by + 10.2), $"{reg.Year}年{reg.Month:D2}月{reg.Day:D2}日");
        Stamp(rng, img, k, X(rng.Range(35, 60)), Y(by + rng.Range(4, 10)));
        facts = new HukouCardFacts(hh, relation, label, cross);
        return img;
    }

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>A red round seal (户口专用章) with a star, semi-transparent like stamp ink.</summary>
    private static void Stamp(Random rng, MagickImage img, double k, double cx, double cy)
    {
        double r = 14 * k;
        var ink = Paint.Rgb(rng.Next(190, 225), rng.Next(30, 60), rng.Next(40, 70), rng.Next(120, 190));
        var d = new Drawables().StrokeColor(ink).StrokeWidth(0.9 * k).FillColor(MagickColors.Transparent).Circle(cx, cy, cx + r, cy)
            .FillColor(ink).StrokeWidth(0).Font(CaptureFonts.SansBold).FontPointSize(3 * k).Text(cx - 7.5 * k, cy + 9 * k, "户口专用章");
        d.Draw(img);
        const string ring = "云阳县公安局青龙派出所";
        for (int i = 0; i < ring.Length; i++)
        {
            double a = Math.PI * (1.15 + 0.7 * i / (ring.Length - 1));
            double x = cx + (r - 4 * k) * Math.Cos(a), y = cy + (r - 4 * k) * Math.Sin(a);
            Paint.TextRotated(img, CaptureFonts.SansBold, 3.2 * k, ink, x, y, a * 180 / Math.PI + 90, ring[i].ToString());
        }
    }
}
