using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

/// <summary>Year files: strict validation, and an administrator's folder that adds or replaces years without a build.</summary>
public sealed class CalendarYearFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("calendar-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Year2027 = """
        {
          "year": 2027,
          "source": "测试用：管理员添加",
          "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ],
          "workingWeekends": [ "2027-01-09" ]
        }
        """;

    [Theory]
    [InlineData("2027.json", """{ "year": 2027, "source": "s", "holidays": [ { "name": "元旦", "from": "2026-12-31", "to": "2027-01-01" } ], "workingWeekends": [] }""", "2026-12-31 不在 2027 年内")]
    [InlineData("2027.json", """{ "year": 2027, "source": "s", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ], "workingWeekends": [ "2027-01-02" ] }""", "2027-01-02 既是元旦放假日又是调休上班日")]
    [InlineData("2027.json", """{ "year": 2027, "source": "s", "holidays": [], "workingWeekends": [ "2027-01-04" ] }""", "不是周六或周日")]
    [InlineData("2027.json", """{ "year": 2026, "source": "s", "holidays": [], "workingWeekends": [] }""", "与文件名的年份 2027 不符")]
    [InlineData("2027.json", """{ "year": 2027, "source": "s", "holidays": [], "workingWeekends": [], "extra": 1 }""", "不是有效的 JSON")]
    [InlineData("2027.json", """{ "year": 2027, "source": "s", "holidays": [] }""", "缺少")]
    [InlineData("2027.json", """{ "year": 2027, "source": "s", "holidays": [ { "name": "春节", "from": "2027-02-10", "to": "2027-02-05" } ], "workingWeekends": [] }""", "早于开始日")]
    [InlineData("2027.json", """{ "year": 2027, "source": "s", "holidays": [ { "name": "甲", "from": "2027-02-10", "to": "2027-02-12" }, { "name": "乙", "from": "2027-02-12", "to": "2027-02-13" } ], "workingWeekends": [] }""", "同时属于甲和乙")]
    [InlineData("2027.json", """{ "year": 2027, "source": "s", "holidays": [ { "name": "元旦", "from": "2027/01/01", "to": "2027-01-01" } ], "workingWeekends": [] }""", "不是 yyyy-MM-dd")]
    [InlineData("holidays.json", """{ "year": 2027, "source": "s", "holidays": [], "workingWeekends": [] }""", "四位年份")]
    [InlineData("2027.json", "not json", "不是有效的 JSON")]
    public void A_doubtful_file_is_an_error_naming_the_file(string name, string json, string fault)
    {
        var e = Assert.Throws<CalendarFileException>(() => CalendarYearFile.Parse(name, json));
        Assert.Contains($"节假日文件 {name} 无效", e.Message);
        Assert.Contains(fault, e.Message);
    }

    [Fact]
    public void An_administrator_adds_a_year_in_a_folder()
    {
        File.WriteAllText(Path.Combine(_dir, "2027.json"), Year2027);
        var calendar = WorkingDayCalendar.Load(_dir);
        Assert.Equal([2024, 2025, 2026, 2027], calendar.Years);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 9)));
        // the count that warned with the shipped years is now certain and uses the new days: 1.1 off, 1.9 (Saturday) worked
        var due = calendar.AddWorkingDays(new DateOnly(2026, 12, 21), 14);
        Assert.True(due.IsCertain);
        Assert.Equal(new DateOnly(2027, 1, 9), due.Date);
        Assert.Equal(new DateOnly(2027, 1, 8), WorkingDayCalendar.Load(null).AddWorkingDays(new DateOnly(2026, 12, 21), 14).Date);
    }

    [Fact]
    public void A_file_in_the_folder_wins_over_the_embedded_year()
    {
        // a hypothetical correction: 2024-02-09 (除夕) made a day off
        var text = WorkingDayCalendar.EmbeddedYears().Single(y => y.Year == 2024);
        var json = """
            { "year": 2024, "source": "更正", "holidays": [ { "name": "除夕", "from": "2024-02-09", "to": "2024-02-09" } ], "workingWeekends": [] }
            """;
        File.WriteAllText(Path.Combine(_dir, "2024.json"), json);
        var calendar = WorkingDayCalendar.Load(_dir);
        Assert.Equal("更正", calendar.SourceOf(2024));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2024, 2, 9)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2024, 2, 12))); // the embedded 春节 is gone with the replaced file
        Assert.True(text.Holidays.ContainsKey(new DateOnly(2024, 2, 12)));
    }

    [Fact]
    public void A_bad_file_in_the_folder_stops_loading_and_names_it()
    {
        File.WriteAllText(Path.Combine(_dir, "2027.json"), Year2027.Replace("2027-01-09", "2027-01-03"));
        var e = Assert.Throws<CalendarFileException>(() => WorkingDayCalendar.Load(_dir));
        Assert.Equal("2027.json", e.File);
    }

    [Fact]
    public void A_named_folder_that_does_not_exist_is_an_error()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => WorkingDayCalendar.Load(Path.Combine(_dir, "missing")));
        Assert.Contains(WorkingDayCalendar.DirectoryVariable, e.Message);
    }

    [Fact]
    public void The_environment_variable_names_the_folder()
    {
        File.WriteAllText(Path.Combine(_dir, "2027.json"), Year2027);
        var before = Environment.GetEnvironmentVariable(WorkingDayCalendar.DirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(WorkingDayCalendar.DirectoryVariable, _dir);
            Assert.True(WorkingDayCalendar.FromEnvironment().Knows(2027));
            Environment.SetEnvironmentVariable(WorkingDayCalendar.DirectoryVariable, null);
            Assert.False(WorkingDayCalendar.FromEnvironment().Knows(2027));
        }
        finally
        {
            Environment.SetEnvironmentVariable(WorkingDayCalendar.DirectoryVariable, before);
        }
    }

    [Fact]
    public void Hostile_counts_and_files_are_refused_quickly()
    {
        var calendar = WorkingDayCalendar.Load(null);
        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddWorkingDays(new DateOnly(2024, 1, 1), int.MaxValue));
        Assert.False(calendar.AddWorkingDays(new DateOnly(2024, 1, 1), WorkingDayCalendar.MaxWorkingDays).IsCertain); // ~40 years on: warns, still answers
        Assert.Throws<CalendarFileException>(() => CalendarYearFile.Parse("2027.json", """{ "year": 2027, "source": "s", "holidays": [ null ], "workingWeekends": [] }"""));
        Assert.Throws<CalendarFileException>(() => CalendarYearFile.Parse("2027.json", """{ "year": 2027, "source": " ", "holidays": [], "workingWeekends": [] }"""));
        Assert.Throws<CalendarFileException>(() => CalendarYearFile.Parse("-027.json", """{ "year": -27, "source": "s", "holidays": [], "workingWeekends": [] }"""));
        Assert.Throws<CalendarFileException>(() => CalendarYearFile.Parse("2027.json", """{ "year": 2027, "source": "s", "holidays": [], "workingWeekends": [ "2027-01-09", "2027-01-09" ] }"""));
    }
}
