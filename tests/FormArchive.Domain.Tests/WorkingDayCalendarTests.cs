using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

/// <summary>The official working-day calendar: each shipped year against the State Council notices, and the counting rule.</summary>
public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Load(null);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every day of <paramref name="year"/> against the notice's table, written out here independently of the data files.</summary>
    private static void AssertYear(int year, (string From, string To)[] holidays, string[] workingWeekends)
    {
        var off = new HashSet<DateOnly>();
        foreach (var (from, to) in holidays)
            for (var d = D(from); d <= D(to); d = d.AddDays(1))
                off.Add(d);
        var worked = workingWeekends.Select(D).ToHashSet();
        Assert.True(Calendar.Knows(year));
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            var expected = worked.Contains(d) || (!off.Contains(d) && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            Assert.True(expected == Calendar.IsWorkingDay(d), $"{d:yyyy-MM-dd} ({d.DayOfWeek}): expected working={expected}");
            Assert.Equal(off.Contains(d), Calendar.HolidayName(d) is not null);
        }
        foreach (var w in worked)
            Assert.True(w.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{w} is a weekend day worked");
    }

    [Fact]
    public void Year_2024_matches_the_notice()
    {
        AssertYear(2024,
            [("2024-01-01", "2024-01-01"), ("2024-02-10", "2024-02-17"), ("2024-04-04", "2024-04-06"), ("2024-05-01", "2024-05-05"),
             ("2024-06-10", "2024-06-10"), ("2024-09-15", "2024-09-17"), ("2024-10-01", "2024-10-07")],
            ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"]);
        Assert.Equal("春节", Calendar.HolidayName(D("2024-02-12")));
        Assert.Contains("2024年部分节假日安排", Calendar.SourceOf(2024));
    }

    [Fact]
    public void Year_2025_matches_the_notice()
    {
        AssertYear(2025,
            [("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"), ("2025-05-01", "2025-05-05"),
             ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08")],
            ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]);
        Assert.Equal("国庆节、中秋节", Calendar.HolidayName(D("2025-10-06")));
    }

    [Fact]
    public void Year_2026_matches_the_notice()
    {
        AssertYear(2026,
            [("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"), ("2026-05-01", "2026-05-05"),
             ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"), ("2026-10-01", "2026-10-07")],
            ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    }

    [Fact]
    public void Shipped_years_are_2024_to_2026_and_embedded()
    {
        Assert.Equal([2024, 2025, 2026], WorkingDayCalendar.EmbeddedYears().Select(y => y.Year));
        Assert.Equal([2024, 2025, 2026], Calendar.Years);
    }

    [Fact]
    public void Acceptance_on_2024_02_07_gives_the_preliminary_opinion_due_on_2024_02_22()
    {
        // 期间开始的当日不计入: 2.8, 2.9, 2.18 (调休 Sunday), 2.19, 2.20, 2.21, 2.22.
        var due = Calendar.AddWorkingDays(D("2024-02-07"), 7);
        Assert.Equal(D("2024-02-22"), due.Date);
        Assert.True(due.IsCertain);
        var counted = Enumerable.Range(1, 15).Select(i => D("2024-02-07").AddDays(i)).Where(Calendar.IsWorkingDay).Take(7);
        Assert.Equal(["2024-02-08", "2024-02-09", "2024-02-18", "2024-02-19", "2024-02-20", "2024-02-21", "2024-02-22"],
            counted.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        // the 15 and 25 working days of 审核确认
        Assert.Equal(D("2024-03-05"), Calendar.AddWorkingDays(D("2024-02-07"), 15).Date);
        Assert.Equal(D("2024-03-19"), Calendar.AddWorkingDays(D("2024-02-07"), 25).Date);
    }

    [Fact]
    public void Acceptance_on_2025_09_26_runs_through_the_8_day_National_Day_holiday()
    {
        // 9.28 (调休 Sunday), 9.29, 9.30, [10.1–10.8 off], 10.9, 10.10, 10.11 (调休 Saturday), 10.13.
        var start = D("2025-09-26");
        Assert.Equal(D("2025-09-30"), Calendar.AddWorkingDays(start, 3).Date);
        Assert.Equal(D("2025-10-09"), Calendar.AddWorkingDays(start, 4).Date);
        Assert.Equal(D("2025-10-13"), Calendar.AddWorkingDays(start, 7).Date);
        Assert.Equal(D("2025-10-23"), Calendar.AddWorkingDays(start, 15).Date);
        for (var d = D("2025-10-01"); d <= D("2025-10-08"); d = d.AddDays(1))
            Assert.False(Calendar.IsWorkingDay(d));
        Assert.True(Calendar.IsWorkingDay(D("2025-09-28")));
        Assert.True(Calendar.IsWorkingDay(D("2025-10-11")));
    }

    [Fact]
    public void A_deadline_crossing_into_an_unshipped_year_warns_and_counts_weekends_only()
    {
        // 12.22 … 12.31 are eight working days; 2027-01-01 (a Friday, surely 元旦) is counted as working: weekends only.
        var due = Calendar.AddWorkingDays(D("2026-12-21"), 15);
        Assert.Equal(D("2027-01-11"), due.Date);
        Assert.False(due.IsCertain);
        var warning = Assert.Single(due.Warnings);
        Assert.Contains("2027年的节假日安排未载入", warning);
        Assert.Contains("2027.json", warning);
        // the same count ending inside 2026 is certain
        Assert.True(Calendar.AddWorkingDays(D("2026-12-21"), 7).IsCertain);
        Assert.False(Calendar.Certify(D("2027-03-15")).IsCertain);
        Assert.True(Calendar.Certify(D("2026-03-15")).IsCertain);
    }

    [Fact]
    public void Zero_days_is_the_start_and_negative_is_refused()
    {
        Assert.Equal(D("2024-02-10"), Calendar.AddWorkingDays(D("2024-02-10"), 0).Date);
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2024-02-10"), -1));
    }
}
