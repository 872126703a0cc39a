using System.Globalization;
using System.Text.RegularExpressions;

namespace FormArchive.Domain;

/// <summary>
/// The 有效期限 printed on the back of a resident identity card: "2015.03.02-2035.03.02", or "2005.06.01-长期" for a
/// card that never expires. A card is valid through its last day.
/// </summary>
public sealed partial record IdCardValidity(DateOnly From, DateOnly? Until)
{
    public bool IsPermanent => Until is null;

    /// <summary>Whether the card had expired on <paramref name="day"/> (长期 never expires).</summary>
    public bool ExpiredOn(DateOnly day) => Until is { } u && u < day;

    public override string ToString() => $"{From:yyyy.MM.dd}-{(Until is { } u ? u.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture) : "长期")}";

    [GeneratedRegex(@"(\d{4})[.．·\-—]?(\d{2})[.．·\-—]?(\d{2})\s*[-—－~～至]+\s*(?:(\d{4})[.．·\-—]?(\d{2})[.．·\-—]?(\d{2})|(长期))")]
    private static partial Regex Pattern();

    /// <summary>Reads a validity period from OCR text (spaces and full-width characters tolerated).</summary>
    public static bool TryParse(string? text, out IdCardValidity validity)
    {
        validity = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var folded = new string(text.Where(c => !char.IsWhiteSpace(c)).Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c).ToArray());
        var m = Pattern().Match(folded);
        if (!m.Success || !TryDate(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, out var from)) return false;
        if (m.Groups[7].Success) { validity = new IdCardValidity(from, null); return true; }
        if (!TryDate(m.Groups[4].Value, m.Groups[5].Value, m.Groups[6].Value, out var until) || until <= from) return false;
        validity = new IdCardValidity(from, until);
        return true;
    }

    private static bool TryDate(string y, string m, string d, out DateOnly date) =>
        DateOnly.TryParseExact($"{y}-{m}-{d}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
