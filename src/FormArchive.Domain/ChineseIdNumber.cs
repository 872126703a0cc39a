using System.Diagnostics.CodeAnalysis;

namespace FormArchive.Domain;

/// <summary>
/// An 18-character resident identity number (公民身份号码) as defined by GB 11643-1999:
/// a 6-digit administrative region code, an 8-digit birth date (YYYYMMDD), a 3-digit
/// sequence code (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
/// </summary>
/// <remarks>
/// Parsing trims surrounding white space and normalises a lowercase check character <c>x</c>
/// to <c>X</c>. 15-digit numbers of the first-generation card are rejected: they have no check
/// character and must be converted (or the card re-issued) before they can be used on a form.
/// The birth date must be a real calendar date from 1800 on; it is not compared with today's
/// date so that parsing never depends on the clock.
/// </remarks>
public sealed class ChineseIdNumber : IEquatable<ChineseIdNumber>
{
    /// <summary>Length of a GB 11643-1999 number.</summary>
    public const int Length = 18;

    /// <summary>Length of a first-generation (legacy) number.</summary>
    public const int LegacyLength = 15;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    // First two digits of the region code: provinces, autonomous regions, municipalities,
    // Taiwan (71), Hong Kong (81), Macao (82) and 83 (residence permits for Taiwan residents).
    private static readonly HashSet<string> ProvinceCodes =
    [
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    private ChineseIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The normalised 18-character number (check character <c>X</c> upper case).</summary>
    public string Value { get; }

    /// <summary>The 6-digit administrative region code (行政区划代码) of the place of first registration.</summary>
    public string RegionCode => Value[..6];

    /// <summary>Date of birth (digits 7–14).</summary>
    public DateOnly BirthDate { get; }

    /// <summary>The 3-digit sequence code (顺序码, digits 15–17).</summary>
    public string SequenceCode => Value.Substring(14, 3);

    /// <summary>The check character (校验码, the 18th character): 0–9 or X.</summary>
    public char CheckChar => Value[17];

    /// <summary><c>true</c> when the 17th digit is odd (男).</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>"男" when the 17th digit is odd, otherwise "女".</summary>
    public string Sex => IsMale ? "男" : "女";

    /// <summary>Age in whole years (周岁) on <paramref name="date"/>; 0 if the date precedes the birth date.</summary>
    public int AgeAt(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        if (date.Month < BirthDate.Month || (date.Month == BirthDate.Month && date.Day < BirthDate.Day))
            age--;
        return Math.Max(0, age);
    }

    /// <summary>Parses and validates a number; throws <see cref="FormatException"/> with the reason.</summary>
    public static ChineseIdNumber Parse(string? text)
    {
        if (TryParse(text, out var id, out var error))
            return id;
        throw new FormatException(error);
    }

    /// <summary>Parses and validates a number.</summary>
    /// <param name="text">The number as written; surrounding white space is ignored.</param>
    /// <param name="id">The parsed number when valid.</param>
    /// <param name="error">A clear reason (in Chinese) when invalid, otherwise empty.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ChineseIdNumber? id, out string error)
    {
        id = null;
        error = Validate(text, out var normalised, out var birthDate) ?? string.Empty;
        if (error.Length > 0)
            return false;
        id = new ChineseIdNumber(normalised!, birthDate);
        return true;
    }

    /// <summary><c>true</c> when <paramref name="text"/> is a valid 18-character number.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _, out _);

    /// <summary>
    /// Computes the ISO 7064 MOD 11-2 check character for the first 17 digits of a number
    /// (useful to make valid test data).
    /// </summary>
    /// <exception cref="ArgumentException">Unless exactly 17 ASCII digits are given.</exception>
    public static char ComputeCheckChar(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
            throw new ArgumentException("需要恰好17位数字（身份证号码的前17位）。", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>Builds a valid number from its first 17 digits by appending the check character.</summary>
    public static string WithCheckChar(string first17) => first17 + ComputeCheckChar(first17);

    private static string? Validate(string? text, out string? normalised, out DateOnly birthDate)
    {
        normalised = null;
        birthDate = default;
        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
            return "身份证号码为空。";

        if (s.Length == LegacyLength && s.All(char.IsAsciiDigit))
            return $"“{IdNumberMasking.Mask(s)}”是15位旧版（第一代）身份证号码，不能直接使用：须按GB 11643-1999转换为18位号码或换领第二代居民身份证后再填写。";

        if (s.Length != Length)
            // Masked like any ID number shown back: a number one digit short is all but the whole number.
            return $"身份证号码应为18位，实际为{s.Length}位：“{IdNumberMasking.Mask(s)}”。";

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return $"身份证号码第{i + 1}位“{s[i]}”不是数字（前17位必须是数字）。";
        }

        var last = s[17] == 'x' ? 'X' : s[17];
        if (!char.IsAsciiDigit(last) && last != 'X')
            return $"身份证号码第18位（校验码）“{s[17]}”无效，只能是数字或X。";

        if (!ProvinceCodes.Contains(s[..2]))
            return $"身份证号码前6位行政区划代码“{s[..6]}”无效（“{s[..2]}”不是省级代码）。";

        var year = int.Parse(s.AsSpan(6, 4));
        var month = int.Parse(s.AsSpan(10, 2));
        var day = int.Parse(s.AsSpan(12, 2));
        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return $"身份证号码中的出生日期“{s.Substring(6, 8)}”不是有效日期。";
        birthDate = new DateOnly(year, month, day);

        var expected = ComputeCheckChar(s[..17]);
        if (expected != last)
            return $"身份证号码校验码错误：第18位应为“{expected}”，实际为“{s[17]}”，请核对号码是否抄错。";

        normalised = string.Concat(s.AsSpan(0, 17), last.ToString());
        return null;
    }

    /// <inheritdoc/>
    public bool Equals(ChineseIdNumber? other) => other is not null && Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ChineseIdNumber);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>The normalised number.</summary>
    public override string ToString() => Value;
}
