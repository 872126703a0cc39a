using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FormArchive.Domain;

/// <summary>
/// Reads one year file of the working-day calendar (Calendar/YYYY.json) and refuses anything doubtful:
/// unknown or missing fields, a date outside the file's year, a 调休 day that is not a weekend, a day
/// that is both off and worked, overlapping holidays. A wrong calendar silently moves every deadline,
/// so a bad file is an error naming the file, never a best guess.
/// </summary>
public static class CalendarYearFile
{
    private sealed record HolidayDto(string? Name, string? From, string? To);

    private sealed record YearDto(int? Year, string? Source, List<HolidayDto>? Holidays, List<string>? WorkingWeekends);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses <paramref name="json"/>, the content of the file called <paramref name="fileName"/> (YYYY.json).</summary>
    /// <exception cref="CalendarFileException">The file is malformed or contradicts itself.</exception>
    public static CalendarYear Parse(string fileName, string json)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        if (!int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var fileYear) || stem.Length != 4)
            throw new CalendarFileException(fileName, "文件名应为四位年份，如 2027.json。");

        YearDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<YearDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new CalendarFileException(fileName, $"不是有效的 JSON（{e.Message}）。");
        }
        if (dto is null)
            throw new CalendarFileException(fileName, "内容为空。");
        if (dto.Year is null || dto.Holidays is null || dto.WorkingWeekends is null || string.IsNullOrWhiteSpace(dto.Source))
            throw new CalendarFileException(fileName, "缺少 year、source、holidays 或 workingWeekends。");
        if (dto.Year != fileYear)
            throw new CalendarFileException(fileName, $"year 为 {dto.Year}，与文件名的年份 {fileYear} 不符。");

        var holidays = new Dictionary<DateOnly, string>();
        foreach (var h in dto.Holidays)
        {
            if (h is null || string.IsNullOrWhiteSpace(h.Name))
                throw new CalendarFileException(fileName, "有节日缺少名称（name）。");
            var from = DateIn(fileName, fileYear, h.From, $"{h.Name}的 from");
            var to = DateIn(fileName, fileYear, h.To, $"{h.Name}的 to");
            if (to < from)
                throw new CalendarFileException(fileName, $"{h.Name}的结束日 {to:yyyy-MM-dd} 早于开始日 {from:yyyy-MM-dd}。");
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                if (holidays.TryGetValue(d, out var other))
                    throw new CalendarFileException(fileName, $"{d:yyyy-MM-dd} 同时属于{other}和{h.Name}。");
                holidays[d] = h.Name.Trim();
            }
        }

        var worked = new HashSet<DateOnly>();
        foreach (var text in dto.WorkingWeekends)
        {
            var d = DateIn(fileName, fileYear, text, "调休上班日");
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new CalendarFileException(fileName, $"调休上班日 {d:yyyy-MM-dd} 不是周六或周日。");
            if (holidays.TryGetValue(d, out var name))
                throw new CalendarFileException(fileName, $"{d:yyyy-MM-dd} 既是{name}放假日又是调休上班日。");
            if (!worked.Add(d))
                throw new CalendarFileException(fileName, $"调休上班日 {d:yyyy-MM-dd} 重复。");
        }

        return new CalendarYear(fileYear, dto.Source.Trim(), holidays, worked);
    }

    private static DateOnly DateIn(string fileName, int year, string? text, string what)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new CalendarFileException(fileName, $"{what}“{text}”不是 yyyy-MM-dd 格式的日期。");
        if (d.Year != year)
            throw new CalendarFileException(fileName, $"{what} {d:yyyy-MM-dd} 不在 {year} 年内。");
        return d;
    }
}
