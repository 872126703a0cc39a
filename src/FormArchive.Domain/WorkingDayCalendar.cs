using System.Reflection;

namespace FormArchive.Domain;

/// <summary>
/// The official working-day calendar (工作日): Monday to Friday, less the public holidays, plus the
/// weekend days worked instead (调休), one data file per year. The years shipped are embedded
/// (Calendar/YYYY.json); an administrator adds or corrects a year without a build by putting
/// YYYY.json in a folder (<see cref="DirectoryVariable"/> or <see cref="Load"/>'s argument), whose files win.
/// A year that no file covers is reckoned with weekends only, and every result touching it carries a warning.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The environment variable naming the administrator's folder of year files.</summary>
    public const string DirectoryVariable = "FORMARCHIVE_CALENDAR_DIR";

    private const string ResourcePrefix = "FormArchive.Domain.Calendar.";

    /// <summary>The longest period counted (about 40 years): a larger count is a mistake, not a deadline.</summary>
    public const int MaxWorkingDays = 10_000;

    private static readonly Lazy<WorkingDayCalendar> Shared = new(FromEnvironment);

    private readonly Dictionary<int, CalendarYear> _years;

    /// <summary>A calendar of exactly these years (tests, or a caller that read the files itself).</summary>
    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        _years = [];
        foreach (var y in years)
        {
            if (!_years.TryAdd(y.Year, y))
                throw new ArgumentException($"{y.Year}年的节假日安排重复。", nameof(years));
        }
    }

    /// <summary>The embedded years overlaid with <see cref="DirectoryVariable"/>'s folder, read once per process.</summary>
    public static WorkingDayCalendar Default => Shared.Value;

    /// <summary>The embedded years overlaid with the folder <see cref="DirectoryVariable"/> names now (if set), read afresh.</summary>
    public static WorkingDayCalendar FromEnvironment() => Load(Environment.GetEnvironmentVariable(DirectoryVariable));

    /// <summary>The years shipped in the assembly (2024, 2025, 2026 …).</summary>
    public static IReadOnlyList<CalendarYear> EmbeddedYears()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        var years = new List<CalendarYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            years.Add(CalendarYearFile.Parse(name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }
        return years;
    }

    /// <summary>
    /// The embedded years, then every *.json in <paramref name="directory"/> (when given), a file there
    /// replacing the embedded year of the same name.
    /// </summary>
    /// <exception cref="CalendarFileException">A file in the folder is invalid.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder was named but does not exist.</exception>
    public static WorkingDayCalendar Load(string? directory)
    {
        var years = EmbeddedYears().ToDictionary(y => y.Year);
        if (!string.IsNullOrWhiteSpace(directory))
        {
            if (!Directory.Exists(directory))
                throw new DirectoryNotFoundException($"节假日文件夹 {directory} 不存在（{DirectoryVariable}）。");
            foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                var year = CalendarYearFile.Parse(Path.GetFileName(path), File.ReadAllText(path));
                years[year.Year] = year;
            }
        }
        return new WorkingDayCalendar(years.Values);
    }

    /// <summary>The years whose official holidays are known, ascending.</summary>
    public IReadOnlyList<int> Years => [.. _years.Keys.Order()];

    /// <summary>Whether the official holidays of <paramref name="year"/> are loaded.</summary>
    public bool Knows(int year) => _years.ContainsKey(year);

    /// <summary>The announcement the year's data comes from, or null for an unknown year.</summary>
    public string? SourceOf(int year) => _years.TryGetValue(year, out var y) ? y.Source : null;

    /// <summary>The holiday <paramref name="date"/> belongs to (春节, 国庆节 …), or null.</summary>
    public string? HolidayName(DateOnly date) =>
        _years.TryGetValue(date.Year, out var y) && y.Holidays.TryGetValue(date, out var name) ? name : null;

    /// <summary>
    /// Whether government offices work on <paramref name="date"/>: a 调休 weekend day is a working day,
    /// a holiday is not, otherwise Monday to Friday. An unknown year falls back to Monday to Friday.
    /// </summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_years.TryGetValue(date.Year, out var y))
        {
            if (y.WorkingWeekends.Contains(date))
                return true;
            if (y.Holidays.ContainsKey(date))
                return false;
        }
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>: the start day itself is
    /// not counted (期间开始的当日不计入), so “within 7 working days of 受理” ends on the date returned.
    /// </summary>
    public WorkingDayResult AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, MaxWorkingDays);
        var unknown = new SortedSet<int>();
        var d = start;
        for (var counted = 0; counted < workingDays;)
        {
            d = d.AddDays(1);
            if (!Knows(d.Year))
                unknown.Add(d.Year);
            if (IsWorkingDay(d))
                counted++;
        }
        return new WorkingDayResult(d, [.. unknown.Select(UnknownYearWarning)]);
    }

    /// <summary>A date reached by counting calendar days; warns when it lies in a year whose holidays are unknown.</summary>
    public WorkingDayResult Certify(DateOnly date) =>
        new(date, Knows(date.Year) ? [] : [UnknownYearWarning(date.Year)]);

    private string UnknownYearWarning(int year) =>
        $"{year}年的节假日安排未载入（已载入：{(_years.Count == 0 ? "无" : string.Join("、", Years) + "年")}），" +
        $"该年只按周六、周日休息计算，期限可能不准确；请管理员添加 {year}.json（{DirectoryVariable}）。";
}
