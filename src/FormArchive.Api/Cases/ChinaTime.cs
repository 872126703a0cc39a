namespace FormArchive.Api.Cases;

/// <summary>Document dates (形成日期) are calendar days in China (UTC+8), wherever the server runs.</summary>
public static class ChinaTime
{
    public static DateOnly Today() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
