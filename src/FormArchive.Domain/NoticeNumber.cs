using System.Globalization;

namespace FormArchive.Domain;

/// <summary>
/// The number printed under the title of a written decision (不予批准告知书, 审核确认告知书,
/// 保障金调整（停发）告知书): “（2024年第 3 号）” — the year and a serial number that starts at 1.
/// </summary>
public static class NoticeNumber
{
    /// <summary>Earliest year accepted.</summary>
    public const int MinYear = 1949;

    /// <summary>Latest year accepted.</summary>
    public const int MaxYear = 9999;

    /// <summary>(2024, 3) → "（2024年第 3 号）" (full-width parentheses).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is below 1 or the year is not a four-digit year from 1949.</exception>
    public static string Format(int year, int number)
    {
        Validate(year, number);
        return string.Create(CultureInfo.InvariantCulture, $"（{year}年第 {number} 号）");
    }

    /// <summary>Throws unless <paramref name="number"/> ≥ 1 and <paramref name="year"/> is in [<see cref="MinYear"/>, <see cref="MaxYear"/>].</summary>
    public static void Validate(int year, int number)
    {
        if (number < 1)
            throw new ArgumentOutOfRangeException(nameof(number), number, $"告知书编号应为从1开始的正整数，实际为{number}。");
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"告知书编号的年份“{year}”无效。");
    }
}
