using FormArchive.Domain;

namespace FormArchive.Casework;

/// <summary>
/// Which level confirms (审核确认) each category, a per-county rule recorded in a case at 受理 like its deadline rules.
/// 民发〔2021〕57号 gives 审核确认 to the county's civil-affairs department, which may delegate it to townships;
/// 池民社救〔2024〕56号 附件3 lists 低保, 特困 and 临时救助 as 审核确认权限下放事项 and 低保边缘, 刚性支出困难 as 审核事项 that the
/// 县（区）民政局 confirms; 巴阳府发〔2021〕10号 submits every 低保 and 临时救助 case to the county.
/// </summary>
public sealed class ConfirmingLevels
{
    private readonly Dictionary<AssistanceCategory, ApprovalLevel> _levels;

    private ConfirmingLevels(IEnumerable<KeyValuePair<AssistanceCategory, ApprovalLevel>> levels) =>
        _levels = new Dictionary<AssistanceCategory, ApprovalLevel>(levels);

    /// <summary>附件3: 低保, 特困, 临时救助 delegated to the township; 低保边缘, 刚性支出困难 and 其他低收入人口 confirmed by the county.</summary>
    public static ConfirmingLevels Chizhou { get; } = new(AssistanceCategory.All.Select(c => KeyValuePair.Create(c,
        c == AssistanceCategory.Dibao || c == AssistanceCategory.ExtremelyPoor || c == AssistanceCategory.Temporary
            ? ApprovalLevel.Township
            : ApprovalLevel.County)));

    /// <summary>巴阳府发〔2021〕10号: everything approved by the 县民政局 on the system.</summary>
    public static ConfirmingLevels Yunyang { get; } = new(AssistanceCategory.All.Select(c => KeyValuePair.Create(c, ApprovalLevel.County)));

    /// <summary>The default of a procedure.</summary>
    public static ConfirmingLevels Of(LocalRules rules) => rules == LocalRules.Yunyang ? Yunyang : Chizhou;

    public ApprovalLevel For(AssistanceCategory category) => _levels.TryGetValue(category, out var level) ? level : ApprovalLevel.County;

    /// <summary>The level that decides a case: the county as soon as one of its categories is the county's to confirm.</summary>
    public ApprovalLevel ForCase(IEnumerable<AssistanceCategory> categories) =>
        categories.Any(c => For(c) == ApprovalLevel.County) ? ApprovalLevel.County : ApprovalLevel.Township;

    /// <summary>This table with <paramref name="category"/> confirmed at <paramref name="level"/>.</summary>
    public ConfirmingLevels With(AssistanceCategory category, ApprovalLevel level) =>
        new(_levels.Where(p => p.Key != category).Append(KeyValuePair.Create(category, level)));

    /// <summary>"dibao=township,…" in the examination order: how a case stores the table it was accepted under.</summary>
    public IReadOnlyDictionary<string, string> ToCodes() =>
        AssistanceCategory.All.ToDictionary(c => c.Code, c => For(c) == ApprovalLevel.Township ? "township" : "county");

    /// <summary>The table a case stored at 受理; categories it does not name keep <paramref name="fallback"/>'s level.</summary>
    public static ConfirmingLevels FromCodes(IReadOnlyDictionary<string, string> codes, ConfirmingLevels fallback)
    {
        var table = fallback;
        foreach (var (code, level) in codes)
            if (AssistanceCategory.TryParse(code, out var category) && ParseLevel(level) is { } l)
                table = table.With(category, l);
        return table;
    }

    /// <summary>
    /// A county's setting over <paramref name="defaults"/>: "低保=县,临时救助=乡镇" (乡镇/township or 县/county per category).
    /// </summary>
    /// <exception cref="ArgumentException">A part that names no category or no level (the message says which, in Chinese).</exception>
    public static ConfirmingLevels Parse(string? text, ConfirmingLevels defaults)
    {
        var table = defaults;
        foreach (var part in (text ?? "").Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !AssistanceCategory.TryParse(pair[0], out var category) || ParseLevel(pair[1]) is not { } level)
                throw new ArgumentException($"审核确认权限“{part}”应写作 类别=乡镇 或 类别=县，如 低保=乡镇。");
            table = table.With(category, level);
        }
        return table;
    }

    private static ApprovalLevel? ParseLevel(string text) => text.Trim() switch
    {
        var s when s.Equals("township", StringComparison.OrdinalIgnoreCase) || s is "乡镇" or "街道" or "乡镇（街道）" => ApprovalLevel.Township,
        var s when s.Equals("county", StringComparison.OrdinalIgnoreCase) || s is "县" or "区" or "县（区）" or "县（区）民政局" or "县民政局" => ApprovalLevel.County,
        _ => null,
    };
}
