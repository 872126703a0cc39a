namespace FormArchive.Domain;

/// <summary>
/// What a person's name on a case may be: not empty, at most <see cref="MaxLength"/> characters (names of 少数民族
/// written in Chinese with the middle dot run to about 20), no control characters.
/// </summary>
public static class PersonName
{
    public const int MaxLength = 50;

    /// <summary>Why <paramref name="name"/> is not acceptable, or null.</summary>
    public static string? Problem(string? name)
    {
        var s = name?.Trim();
        if (string.IsNullOrEmpty(s)) return "姓名不能为空。";
        if (s.Length > MaxLength) return $"姓名最多{MaxLength}个字，实际为{s.Length:N0}个字。";
        if (s.Any(char.IsControl)) return "姓名不能含有控制字符（如换行符）。";
        return null;
    }
}
