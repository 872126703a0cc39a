using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FormArchive.Domain;

/// <summary>
/// Dates as written on Chinese forms (2024年5月30日, 2024年5月: no leading zeros) and as they come
/// in case data (ISO 8601 calendar dates "2024-05-30" or year-months "2024-05").
/// </summary>
public static class ChineseDate
{
    /// <summary>2024-05-30 → "2024年5月30日".</summary>
    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>2024-05-30 → "2024年5月" (used for 出生年月).</summary>
    public static string FormatMonth(DateOnly date) => FormatMonth(date.Year, date.Month);

    /// <summary>(2024, 5) → "2024年5月".</summary>
    public static string FormatMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return string.Create(CultureInfo.InvariantCulture, $"{year}年{month}月");
    }

    /// <summary>
    /// Parses "yyyy-MM-dd" or "yyyy-MM" (surrounding white space ignored). For a year-month the
    /// date is the first of the month and <paramref name="hasDay"/> is <c>false</c>.
    /// </summary>
    public static bool TryParseIso(string? text, out DateOnly date, out bool hasDay)
    {
        var s = text?.Trim() ?? string.Empty;
        hasDay = false;
        date = default;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            hasDay = true;
            return true;
        }
        if (DateOnly.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        date = default;
        return false;
    }

    /// <summary>Parses "yyyy-MM-dd" or "yyyy-MM"; throws <see cref="FormatException"/> otherwise.</summary>
    public static DateOnly ParseIso(string text, out bool hasDay)
    {
        if (TryParseIso(text, out var date, out hasDay))
            return date;
        throw new FormatException($"“{text}”不是有效日期，应为“2024-05-30”或“2024-05”的格式。");
    }

    /// <summary>
    /// Formats an ISO date from data: "2024-05-30" → "2024年5月30日", "2024-05" → "2024年5月".
    /// Returns <c>false</c> when the text is not such a date.
    /// </summary>
    public static bool TryFormatIso(string? text, [NotNullWhen(true)] out string? formatted)
    {
        formatted = null;
        if (!TryParseIso(text, out var date, out var hasDay))
            return false;
        formatted = hasDay ? Format(date) : FormatMonth(date);
        return true;
    }
}
