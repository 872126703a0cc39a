using ImageMagick;
using ImageMagick.Drawing;

namespace FormArchive.ScanGen;

/// <summary>A debit card face: bank colours, chip, embossed Luhn-valid number of 16–19 digits, UnionPay mark.</summary>
public static class BankCardFace
{
    private static readonly (string Bank, string Bin, string From, string To)[] Banks =
    [
        ("中国农业银行", "622848", "#0f7a6a", "#39b39b"), ("中国建设银行", "621700", "#123a7a", "#3f6fc0"),
        ("中国邮政储蓄银行", "621799", "#0b6b3a", "#5bb36b"), ("中国工商银行", "622202", "#a1141c", "#d8484e"),
        ("农村商业银行", "623059", "#1f4f8f", "#7fa8d8"), ("农村信用社", "622319", "#c7b27a", "#efe3bf"),
    ];

    public static MagickImage Draw(Random rng, double k, out string number)
    {
        var bank = rng.Pick(Banks);
        int len = rng.Pick(new[] { 16, 16, 19, 19, 17, 18 });
        var digits = bank.Bin + string.Concat(Enumerable.Range(0, len - bank.Bin.Length - 1).Select(_ => (char)('0' + rng.Next(10))));
        var num = digits + Luhn.CheckDigit(digits);
        number = num;
        int w = (int)Math.Round(IdCardFaces.WidthMm * k), h = (int)Math.Round(IdCardFaces.HeightMm * k);
        var card = CardStock.Make(rng, w, h, new MagickColor(bank.From), new MagickColor(bank.To), 3.2 * k, rng.Next(0, 6),
            Paint.Rgb(255, 255, 255, 40), Math.Max(1, 0.3 * k));
        bool light = bank.Bank == "农村信用社";
        var fg = light ? Paint.Rgb(40, 40, 40) : Paint.Rgb(245, 245, 245);
        double fs = rng.Range(0.92, 1.08);
        Paint.Text(card, CaptureFonts.SansBold, 4.6 * fs * k, fg, 6 * k, 10 * k, bank.Bank);
        Paint.Text(card, CaptureFonts.Sans, 2.6 * fs * k, fg, 6 * k, 15 * k, rng.Next(2) == 0 ? "借记卡 DEBIT CARD" : "储蓄卡");
        // chip
        new Drawables().FillColor(Paint.Rgb(214, 180, 100)).StrokeColor(Paint.Rgb(150, 120, 60)).StrokeWidth(0.2 * k)
            .RoundRectangle(9 * k, 19 * k, 20 * k, 27.5 * k, 1.5 * k, 1.5 * k).Line(14.5 * k, 19 * k, 14.5 * k, 27.5 * k).Line(9 * k, 23 * k, 20 * k, 23 * k).Draw(card);
        string grouped = len == 19 ? $"{num[..6]} {num[6..]}" : string.Join(' ', Enumerable.Range(0, (len + 3) / 4).Select(i => num.Substring(i * 4, Math.Min(4, len - i * 4))));
        double size = (len == 19 ? 4.6 : 5.2) * fs * k, x = 7 * k, y = 38 * k;
        var font = CaptureFonts.OcrB ?? CaptureFonts.SansBold;
        // A real card's number stays on the card: a long number is set smaller until it fits between the margins.
        while (size > 2.5 * k && NumberWidth(font, size, grouped, 0.3 * k) > w - x - 5 * k) size *= 0.95;
        // embossed: dark lower-right edge, light upper-left edge, then the face
        Paint.Text(card, font, size, Paint.Rgb(0, 0, 0, 150), x + 0.25 * k, y + 0.25 * k, grouped, 0.3 * k);
        Paint.Text(card, font, size, Paint.Rgb(255, 255, 255, 160), x - 0.15 * k, y - 0.15 * k, grouped, 0.3 * k);
        Paint.Text(card, font, size, light ? Paint.Rgb(70, 60, 40) : Paint.Rgb(225, 222, 210), x, y, grouped, 0.3 * k);
        Paint.Text(card, font, 3 * k, fg, 40 * k, 44 * k, $"{rng.Next(1, 13):D2}/{rng.Next(27, 35)}");
        new Drawables().FillColor(Paint.Rgb(0, 90, 150)).Rectangle(66 * k, 41 * k, 82 * k, 51 * k)
            .FillColor(Paint.Rgb(210, 30, 40)).Rectangle(66 * k, 41 * k, 71.5 * k, 51 * k).Draw(card);
        Paint.Text(card, CaptureFonts.SansBold, 2.6 * k, MagickColors.White, 68 * k, 47.5 * k, "银联");
        return card;
    }

    private static double NumberWidth(string font, double size, string text, double kerning) =>
        new Drawables().Font(font).FontPointSize(size).FontTypeMetrics(text)!.TextWidth + kerning * text.Length;
}
