namespace FormArchive.Domain;

/// <summary>Document dates (形成日期) and deadlines are calendar days in China (UTC+8), wherever the server runs.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Offset).DateTime);
}
