namespace FormArchive.Domain;

/// <summary>
/// One year of the official working-day calendar as the State Council announces it
/// (国务院办公厅关于YYYY年部分节假日安排的通知): the days off (放假, including the weekends inside a
/// holiday) and the weekend days worked instead (调休上班).
/// </summary>
public sealed record CalendarYear(
    int Year,
    string Source,
    IReadOnlyDictionary<DateOnly, string> Holidays,
    IReadOnlySet<DateOnly> WorkingWeekends);
