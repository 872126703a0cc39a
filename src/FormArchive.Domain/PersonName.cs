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
        if (string.IsNullOrEmpty(s)) return "a name is required";
        if (s.Length > MaxLength) return $"a name may have at most {MaxLength} characters, not {s.Length:N0}";
        if (s.Any(char.IsControl)) return "a name may not contain control characters";
        return null;
    }
}
