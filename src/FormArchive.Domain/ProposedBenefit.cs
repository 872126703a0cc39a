namespace FormArchive.Domain;

/// <summary>
/// 拟保障金额 on the 审核公示单 (池民社救〔2024〕56号 attachment 6, note 2: “低保边缘家庭、刚性支出困难家庭、
/// 其他低收入人口‘拟保障金额’填‘无’”): these categories receive no regular cash benefit.
/// </summary>
public static class ProposedBenefit
{
    /// <summary>What is printed instead of an amount.</summary>
    public const string None = "无";

    /// <summary>The categories whose 拟保障金额 is “无”.</summary>
    public static IReadOnlyList<AssistanceCategory> CategoriesWithoutAmount { get; } =
        [AssistanceCategory.DibaoMarginal, AssistanceCategory.RigidExpenditure, AssistanceCategory.OtherLowIncome];

    /// <summary>Whether <paramref name="category"/> prints “无” as its proposed amount.</summary>
    public static bool HasNoAmount(AssistanceCategory? category) =>
        category is not null && CategoriesWithoutAmount.Contains(category);

    /// <summary>
    /// “无” for 低保边缘家庭, 刚性支出困难家庭 and 其他低收入人口 (whatever amount the data holds); otherwise the
    /// amount formatted as money (1,234.00), or "" when there is none.
    /// </summary>
    public static string Text(AssistanceCategory? category, decimal? amount)
    {
        if (HasNoAmount(category))
            return None;
        return amount is { } a ? Money.Format(a) : string.Empty;
    }
}
