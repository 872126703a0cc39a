namespace FormArchive.Domain;

/// <summary>
/// Amounts of assistance in 元: never finer than a 分 (two decimals), and the household amount is the
/// per-capita amount times the persons covered (入户调查表: “人均补助金额 /月，家庭补助金额 /月”).
/// </summary>
public static class BenefitAmount
{
    /// <summary>Whether <paramref name="amount"/> has at most two decimals (a whole number of 分).</summary>
    public static bool IsWholeFen(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>The household amount for <paramref name="persons"/> covered persons at <paramref name="perCapita"/> each, to the 分.</summary>
    public static decimal Household(decimal perCapita, int persons)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        return Math.Round(perCapita * persons, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether household = per-capita × persons (to the 分).</summary>
    public static bool IsConsistent(decimal perCapita, int persons, decimal household) =>
        Household(perCapita, persons) == Math.Round(household, 2, MidpointRounding.AwayFromZero);

    /// <summary>A monthly amount from a yearly one (÷ 12, to the 分), for forms that print 月收入 from 年收入.</summary>
    public static decimal MonthlyFromAnnual(decimal annual) => Math.Round(annual / 12m, 2, MidpointRounding.AwayFromZero);
}
