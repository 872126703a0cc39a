using System.Globalization;

namespace FormArchive.Domain;

/// <summary>Amounts of money (元) as printed on forms: 1234 → "1,234.00".</summary>
public static class Money
{
    /// <summary>
    /// Formats with thousands separators and exactly two decimals, rounding half away from zero
    /// (0.125 → "0.13"), independent of the current culture.
    /// </summary>
    public static string Format(decimal amount)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        return rounded.ToString("#,0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>The largest amount a case records (a trillion 元 less a 分): beyond it a figure is a mistake, not money.</summary>
    public const decimal Max = 999_999_999_999.99m;

    /// <summary>
    /// Why <paramref name="amount"/> is not an amount of money as a case records it (a whole number of 分, not negative, at
    /// most <see cref="Max"/>), in Chinese; null if it is one.
    /// </summary>
    public static string? Problem(decimal amount)
    {
        if (amount < 0) return $"金额不能为负数（{Format(amount)}）。";
        if (decimal.Round(amount, 2) != amount) return $"金额最多精确到分（两位小数），不能是 {amount.ToString(CultureInfo.InvariantCulture)}。";
        return amount > Max ? $"金额 {Format(amount)} 元超出可记录的上限。" : null;
    }

    /// <summary>
    /// Formats a binary floating-point amount. The value is first converted to decimal with the
    /// shortest round-trip representation, so 2.675 is treated as 2.675 (→ "2.68").
    /// </summary>
    public static string Format(double amount)
    {
        if (double.IsNaN(amount) || double.IsInfinity(amount))
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "金额必须是有限数值。");
        var exact = decimal.Parse(amount.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return Format(exact);
    }
}
