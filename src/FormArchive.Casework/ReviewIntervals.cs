namespace FormArchive.Casework;

/// <summary>
/// How often each category comes up for 定期复核 (dynamic management, 巴阳府发〔2021〕10号: the system
/// generates the 定期复核名单 from 分类管理), in months. The seeds name the list but not the intervals, so the
/// defaults follow the national rule for 低保 as we know it (民政部《最低生活保障审核确认办法》, 民发〔2021〕57号:
/// 收入变化不大的家庭原则上每年核查一次，收入来源不固定、有劳动能力的每半年一次 — not checked against the text
/// here) and apply the yearly interval to the other categories on the roll; 临时救助 is a one-off payment and is
/// not reviewed. A county sets its own with <see cref="With"/> and <see cref="WithUnstableIncome"/>.
/// </summary>
public sealed class ReviewIntervals
{
    private readonly Dictionary<AssistanceCategory, int> _months;

    private ReviewIntervals(Dictionary<AssistanceCategory, int> months, int unstableIncomeMonths)
    {
        _months = months;
        UnstableIncomeMonths = unstableIncomeMonths;
    }

    /// <summary>12 months for every category on the roll, 6 for a household with unstable income, none for 临时救助.</summary>
    public static ReviewIntervals Default { get; } = new(new()
    {
        [AssistanceCategory.ExtremelyPoor] = 12,
        [AssistanceCategory.Dibao] = 12,
        [AssistanceCategory.DibaoMarginal] = 12,
        [AssistanceCategory.RigidExpenditure] = 12,
        [AssistanceCategory.OtherLowIncome] = 12,
    }, 6);

    /// <summary>The interval for a household whose income is unstable (收入来源不固定、有劳动能力).</summary>
    public int UnstableIncomeMonths { get; }

    /// <summary>The interval of <paramref name="category"/> in months, or null if it is not reviewed.</summary>
    public int? MonthsFor(AssistanceCategory category) => _months.TryGetValue(category, out var m) ? m : null;

    /// <summary>A copy with <paramref name="category"/> reviewed every <paramref name="months"/> months (null: never).</summary>
    public ReviewIntervals With(AssistanceCategory category, int? months)
    {
        if (months is < 1 or > 60)
            throw new ArgumentOutOfRangeException(nameof(months), months, "复核间隔应为1至60个月。");
        var copy = new Dictionary<AssistanceCategory, int>(_months);
        if (months is { } m)
            copy[category] = m;
        else
            copy.Remove(category);
        return new ReviewIntervals(copy, UnstableIncomeMonths);
    }

    /// <summary>A copy with households of unstable income reviewed every <paramref name="months"/> months.</summary>
    public ReviewIntervals WithUnstableIncome(int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return new ReviewIntervals(new(_months), months);
    }

    /// <summary>
    /// The interval of a case: the shortest of its categories' (the household is reviewed as often as its
    /// strictest category asks), shortened for unstable income; null if none of its categories is reviewed.
    /// </summary>
    public int? MonthsFor(StageLogSnapshot c)
    {
        int? shortest = null;
        foreach (var cat in c.Categories)
        {
            if (MonthsFor(cat) is { } m)
                shortest = shortest is { } s ? Math.Min(s, m) : m;
        }
        if (shortest is { } found && c.IncomeUnstable)
            return Math.Min(found, UnstableIncomeMonths);
        return shortest;
    }
}
