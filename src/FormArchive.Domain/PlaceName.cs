namespace FormArchive.Domain;

/// <summary>
/// Place names printed before a form's own administrative label. The forms print the level after the blank
/// ("____乡镇（街道）", "____村（居）民委员会", "____镇（街道）", "____村（社区）"), so the name's own suffix is dropped
/// once: 尧渡镇 → 尧渡, 秋浦街道 → 秋浦, 永丰村 → 永丰, 杏花社区 → 杏花. One rule for every form, so they agree.
/// A name that is nothing but a suffix ("镇") is printed as given; so is a name without one.
/// </summary>
public static class PlaceName
{
    /// <summary>Township-level suffixes, longest first so 街道办事处 is not read as 处.</summary>
    public static IReadOnlyList<string> TownshipSuffixes { get; } = ["街道办事处", "街道", "镇", "乡"];

    /// <summary>Village-level suffixes (村 and 社区, and the committees named after them), longest first.</summary>
    public static IReadOnlyList<string> VillageSuffixes { get; } = ["村民委员会", "居民委员会", "村委会", "居委会", "社区", "村"];

    /// <summary>The township's name without its suffix, for printing before 乡镇（街道）/镇（街道）.</summary>
    public static string Township(string? name) => WithoutSuffix(name, TownshipSuffixes);

    /// <summary>The village's or community's name without its suffix, for printing before 村（居）/村（社区）.</summary>
    public static string Village(string? name) => WithoutSuffix(name, VillageSuffixes);

    private static string WithoutSuffix(string? name, IReadOnlyList<string> suffixes)
    {
        var text = name?.Trim() ?? string.Empty;
        foreach (var suffix in suffixes)
            if (text.Length > suffix.Length && text.EndsWith(suffix, StringComparison.Ordinal))
                return text[..^suffix.Length].TrimEnd();
        return text;
    }
}
