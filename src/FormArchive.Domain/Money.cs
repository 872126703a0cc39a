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
