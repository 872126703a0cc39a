namespace FormArchive.Casework.Stages;

/// <summary>
/// Whose procedure an installation follows and how often each category is reviewed, read from the same two
/// strings by the service (FormArchive:CaseRules, FormArchive:ReviewMonths) and the CLI (FORMARCHIVE_CASE_RULES,
/// FORMARCHIVE_REVIEW_MONTHS), so both derive the same stages and due dates.
/// Rules: chizhou (池州, the default) or yunyang (云阳). Review months: "低保=6,特困=12,临时救助=0" (0: not reviewed),
/// with 收入不稳定=N for households of unstable income.
/// </summary>
public sealed record CaseworkSettings(LocalRules Rules, ReviewIntervals Intervals)
{
    /// <summary>The counties and their townships: who approves a township's cases, and what is delegated to it.</summary>
    public Counties Counties { get; init; } = Counties.Embedded;

    public const string RulesVariable = "FORMARCHIVE_CASE_RULES";
    public const string ReviewMonthsVariable = "FORMARCHIVE_REVIEW_MONTHS";
    /// <summary>The JSON file of the counties and their townships (<see cref="Counties"/>); the embedded ones when unset.</summary>
    public const string CountiesVariable = "FORMARCHIVE_COUNTIES";
    private const string UnstableIncome = "收入不稳定";

    public static CaseworkSettings Default { get; } = new(LocalRules.Chizhou, ReviewIntervals.Default);

    public static CaseworkSettings FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable(RulesVariable), Environment.GetEnvironmentVariable(ReviewMonthsVariable)) with
        {
            Counties = Environment.GetEnvironmentVariable(CountiesVariable) is { Length: > 0 } file ? Counties.FromJsonFile(file) : Counties.Embedded,
        };

    /// <exception cref="ArgumentException">A value that is not one of the above (the message says which, in Chinese).</exception>
    public static CaseworkSettings Parse(string? rules, string? reviewMonths)
    {
        var r = LocalRulesNames.Parse(rules);
        var intervals = ReviewIntervals.Default;
        foreach (var part in (reviewMonths ?? "").Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !int.TryParse(pair[1], out var months) || months is < 0 or > 60)
                throw new ArgumentException($"复核间隔“{part}”应写作 类别=月数（0至60，0为不复核），如 低保=6。");
            if (pair[0] == UnstableIncome)
                intervals = months >= 1 ? intervals.WithUnstableIncome(months) : throw new ArgumentException("收入不稳定家庭的复核间隔至少1个月。");
            else if (AssistanceCategory.TryParse(pair[0], out var category))
                intervals = intervals.With(category, months == 0 ? null : months);
            else
                throw new ArgumentException($"复核间隔中的救助类别“{pair[0]}”无法识别，应为 {string.Join("、", AssistanceCategory.All.Select(c => c.Name))} 或 {UnstableIncome}。");
        }
        return new CaseworkSettings(r, intervals);
    }
}
