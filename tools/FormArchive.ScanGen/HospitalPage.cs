using System.Globalization;
using FormArchive.Domain;
using ImageMagick;
using ImageMagick.Drawing;

namespace FormArchive.ScanGen;

/// <summary>What a generated hospital page holds: the patient's ID number when the page prints one, and the
/// other digit runs a reader must not take for an ID number.</summary>
public sealed record HospitalFacts(string Title, string Variant, string? IdNumber, string? Decoy, List<string> OtherNumbers);

/// <summary>
/// An A4 hospital page — 门诊病历, 诊断证明书 or 住院费用结算单 — with 门诊号, 住院号 (8–12 digits), phone numbers,
/// dates and amounts. Variants: "with-id" prints 身份证号：&lt;the patient's valid number&gt;; "no-id" prints none;
/// "decoy" prints an 18-digit 住院条码 under a bar code that looks like an ID number but fails GB 11643.
/// </summary>
public static class HospitalPage
{
    public const double WidthMm = 210, HeightMm = 297;
    private static readonly string[] Titles = ["门诊病历", "诊断证明书", "住院费用结算单"];
    private static readonly string[] Hospitals = ["云阳县人民医院", "池州市人民医院", "东至县中医医院", "青阳县人民医院", "石台县人民医院"];
    private static readonly string[] Diagnoses = ["2型糖尿病", "高血压病3级", "慢性阻塞性肺疾病急性加重期", "脑梗死后遗症", "腰椎间盘突出症", "冠状动脉粥样硬化性心脏病", "慢性肾功能不全"];
    private static readonly string[] Departments = ["内科", "心内科", "呼吸内科", "骨科", "神经内科", "肾内科"];

    public static MagickImage Draw(Random rng, SyntheticPerson patient, double k, string variant, out HospitalFacts facts)
    {
        int w = (int)Math.Round(WidthMm * k), h = (int)Math.Round(HeightMm * k);
        int paper = rng.Next(238, 253);
        var page = new MagickImage(Paint.Rgb(paper, paper, paper - rng.Next(0, 6)), (uint)w, (uint)h);
        var ink = Paint.Rgb(rng.Next(10, 40), rng.Next(10, 40), rng.Next(10, 40));
        string title = rng.Pick(Titles), hospital = rng.Pick(Hospitals);
        double fs = rng.Range(0.92, 1.08), ox = rng.Range(-4, 4), oy = rng.Range(-4, 4);
        double X(double mm) => (mm + ox) * k;
        double Y(double mm) => (mm + oy) * k;
        var others = new List<string>();
        string Digits(int n) => (char)('1' + rng.Next(9)) + string.Concat(Enumerable.Range(0, n - 1).Select(_ => (char)('0' + rng.Next(10))));

        Paint.Text(page, CaptureFonts.SerifBold, 7.5 * fs * k, ink, X(105) - Paint.TextWidth(page, CaptureFonts.SerifBold, 7.5 * fs * k, hospital) / 2, Y(28), hospital);
        Paint.Text(page, CaptureFonts.SansBold, 6 * fs * k, ink, X(105) - Paint.TextWidth(page, CaptureFonts.SansBold, 6 * fs * k, title) / 2, Y(40), title, 1.5 * k);
        new Drawables().StrokeColor(ink).StrokeWidth(0.35 * k).Line(X(20), Y(45), X(190), Y(45)).Draw(page);

        string outpatient = Digits(10), inpatient = Digits(rng.Next(8, 13)), phone = "1" + rng.Pick(new[] { "3", "5", "7", "8", "9" }) + Digits(9)[..9];
        others.AddRange([outpatient, inpatient, phone]);
        int age = CardBackFacts.CaptureDate.Year - patient.BirthDate.Year;
        double t = 3.8 * fs * k, y = 54;
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), $"姓名：{patient.Name}");
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(70), Y(y), $"性别：{patient.Sex}");
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(105), Y(y), $"年龄：{age}岁");
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(145), Y(y), $"科别：{rng.Pick(Departments)}");
        y += 8;
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), $"门诊号：{outpatient}");
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(105), Y(y), $"住院号：{inpatient}");
        y += 8;
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), $"联系电话：{phone}");
        var visit = CardBackFacts.CaptureDate.AddDays(-rng.Next(3, 300));
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(105), Y(y), $"就诊日期：{visit:yyyy-MM-dd}");
        string? id = null, decoy = null;
        if (variant == "with-id")
        {
            y += 8;
            id = patient.IdNumber;
            Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), $"身份证号：{id}");
        }
        else if (variant == "decoy")
        {
            // an 18-digit bar-code number shaped like an ID number (region, date, sequence) whose check digit is wrong
            var first17 = patient.IdNumber[..6] + visit.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Digits(3);
            char good = ChineseIdNumber.ComputeCheckChar(first17);
            decoy = first17 + (char)('0' + (good == 'X' ? 3 : (good - '0' + 1 + rng.Next(8)) % 10));
            if (ChineseIdNumber.IsValid(decoy)) throw new InvalidOperationException("decoy number must not be valid");
            others.Add(decoy);
            BarCode(rng, page, X(140), Y(14), 48 * k, 9 * k);
            Paint.Text(page, CaptureFonts.Sans, 3.2 * k, ink, X(140), Y(27), decoy, 0.3 * k);
            y += 8;
            Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), $"住院条码号：{decoy}");
        }
        new Drawables().StrokeColor(ink).StrokeWidth(0.25 * k).Line(X(20), Y(y + 4), X(190), Y(y + 4)).Draw(page);
        y += 14;
        string dx = rng.Pick(Diagnoses);
        string[] body = title switch
        {
            "门诊病历" => [$"主诉：反复头晕、乏力{rng.Next(2, 10)}年，加重{rng.Next(2, 14)}天。", $"现病史：患者{rng.Next(2, 10)}年前无明显诱因出现头晕，血压最高{rng.Next(150, 200)}/{rng.Next(90, 120)}mmHg，", "规律服药，近期控制欠佳。", $"查体：T 36.{rng.Next(2, 9)}℃  P {rng.Next(60, 100)}次/分  BP {rng.Next(120, 180)}/{rng.Next(70, 110)}mmHg", $"诊断：{dx}", "处理：1. 调整用药；2. 低盐低脂饮食；3. 两周后复诊。"],
            "诊断证明书" => [$"兹证明患者于{visit:yyyy年M月d日}在我院就诊，", $"诊断：{dx}。", "目前病情稳定，需长期服药治疗，", $"建议休息{rng.Next(7, 60)}天，定期复查。", "（此证明仅供办理相关手续使用）"],
            _ => [],
        };
        foreach (var line in body) { Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), line); y += 9; }
        if (title == "住院费用结算单")
        {
            var items = new[] { "床位费", "检查费", "化验费", "西药费", "中成药费", "治疗费", "护理费", "材料费" };
            decimal total = 0;
            Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), $"入院日期：{visit.AddDays(-rng.Next(5, 20)):yyyy-MM-dd}    出院日期：{visit:yyyy-MM-dd}    诊断：{dx}");
            y += 10;
            var grid = new Drawables().StrokeColor(ink).StrokeWidth(0.25 * k).FillColor(MagickColors.Transparent);
            foreach (var item in items.Take(rng.Next(5, items.Length + 1)))
            {
                decimal amount = Math.Round((decimal)rng.Range(20, 4000), 2);
                total += amount;
                grid.Line(X(20), Y(y - 6), X(190), Y(y - 6)).Line(X(20), Y(y + 2), X(190), Y(y + 2))
                    .Line(X(20), Y(y - 6), X(20), Y(y + 2)).Line(X(190), Y(y - 6), X(190), Y(y + 2)).Line(X(130), Y(y - 6), X(130), Y(y + 2));
                Paint.Text(page, CaptureFonts.Sans, t, ink, X(24), Y(y), item);
                Paint.Text(page, CaptureFonts.Sans, t, ink, X(140), Y(y), amount.ToString("N2", CultureInfo.InvariantCulture));
                y += 8;
            }
            grid.Draw(page);
            y += 4;
            decimal fund = Math.Round(total * (decimal)rng.Range(0.5, 0.85), 2);
            Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), $"合计：￥{total.ToString("N2", CultureInfo.InvariantCulture)}    统筹支付：{fund.ToString("N2", CultureInfo.InvariantCulture)}    个人自付：{(total - fund).ToString("N2", CultureInfo.InvariantCulture)}");
            y += 9;
            string receipt = Digits(rng.Next(8, 13));
            others.Add(receipt);
            Paint.Text(page, CaptureFonts.Sans, t, ink, X(20), Y(y), $"结算单号：{receipt}    医保编号：{Digits(10)}");
        }
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(120), Y(250), "医师签名：");
        Paint.Text(page, CaptureFonts.Kai ?? CaptureFonts.Serif, 6 * k, Paint.Rgb(20, 30, 90), X(145), Y(251), rng.Pick(new[] { "李明", "王芳", "陈建国", "周红" }));
        Paint.Text(page, CaptureFonts.Sans, t, ink, X(120), Y(262), $"{visit:yyyy年MM月dd日}");
        Paint.Text(page, CaptureFonts.Sans, 3 * k, ink, X(20), Y(282), $"医院地址：{hospital[..3]}人民路{rng.Next(1, 300)}号   咨询电话：0{rng.Next(500, 600)}-{Digits(7)}");
        facts = new HospitalFacts(title, variant, id, decoy, others);
        return page;
    }

    private static void BarCode(Random rng, MagickImage page, double x, double y, double w, double h)
    {
        var d = new Drawables().FillColor(MagickColors.Black);
        double pos = x;
        while (pos < x + w)
        {
            double bar = rng.Next(1, 4) * w / 120;
            d.Rectangle(pos, y, pos + bar, y + h);
            pos += bar + rng.Next(1, 4) * w / 120;
        }
        d.Draw(page);
    }
}
