using System.Text.Json.Serialization;

namespace FormArchive.Casework;

/// <summary>
/// One field of a 批准's terms: its name as callers write it (the API's terms object), its label as the forms print it,
/// its unit, the values it takes when it is a choice, the categories whose 批准 prints it, and whether a county's 批准
/// must give it. The labels live here alone: the refusals, the desks' fields and their timelines read them from here.
/// </summary>
public sealed record ApprovalTermField(string Name, string Label, string? Unit, IReadOnlyList<string> Choices, bool Required)
{
    /// <summary>The categories whose 批准 prints the field (any of them applied for).</summary>
    [JsonIgnore]
    public IReadOnlyList<AssistanceCategory> AppliesTo { get; init; } = [];

    /// <summary>The categories by name (最低生活保障对象 …), for the desks.</summary>
    public IReadOnlyList<string> Categories => [.. AppliesTo.Select(c => c.Name)];

    /// <summary>The field's value in a 批准's terms, null when not given.</summary>
    [JsonIgnore]
    public Func<ApprovalTerms, object?> ValueOf { get; init; } = _ => null;

    /// <summary>Whether a case of <paramref name="categories"/> prints the field.</summary>
    public bool AppliesToAny(IEnumerable<AssistanceCategory> categories) => categories.Any(AppliesTo.Contains);
}

/// <summary>
/// The terms of a 批准 as 池民社救〔2024〕56号 附件5 (入户调查表: 乡镇意见 and 县（区）民政局意见) and 附件8 print them: 低保 the
/// amounts per person and household, 特困 the 供养形式 with its standards, 临时救助 the one-off amount, and for every benefit
/// or status that runs from a month (all but a one-off 临时救助) the month it starts.
/// </summary>
public static class ApprovalTermFields
{
    private static readonly IReadOnlyList<AssistanceCategory> Monthly = [.. AssistanceCategory.All.Where(c => c != AssistanceCategory.Temporary)];

    public static readonly ApprovalTermField CoveredPersons = new("coveredPersons", "纳入人数", "人", [], Required: false)
    { AppliesTo = AssistanceCategory.All, ValueOf = t => t.CoveredPersons };

    public static readonly ApprovalTermField PerCapitaMonthly = new("perCapitaMonthly", "人均补助金额", "元/月", [], Required: true)
    { AppliesTo = [AssistanceCategory.Dibao], ValueOf = t => t.PerCapitaMonthly };

    public static readonly ApprovalTermField HouseholdMonthly = new("householdMonthly", "家庭补助金额", "元/月", [], Required: true)
    { AppliesTo = [AssistanceCategory.Dibao], ValueOf = t => t.HouseholdMonthly };

    public static readonly ApprovalTermField SupportForm = new("supportForm", "供养形式", null, ["分散供养", "集中供养"], Required: true)
    { AppliesTo = [AssistanceCategory.ExtremelyPoor], ValueOf = t => t.SupportForm };

    public static readonly ApprovalTermField BasicMonthly = new("basicMonthly", "基本生活标准", "元/月", [], Required: true)
    { AppliesTo = [AssistanceCategory.ExtremelyPoor], ValueOf = t => t.BasicMonthly };

    public static readonly ApprovalTermField CareLevel = new("careLevel", "照料护理标准", null, ["全护理", "半护理", "全自理"], Required: true)
    { AppliesTo = [AssistanceCategory.ExtremelyPoor], ValueOf = t => t.CareLevel };

    public static readonly ApprovalTermField CareMonthly = new("careMonthly", "照料护理标准金额", "元/月", [], Required: false)
    { AppliesTo = [AssistanceCategory.ExtremelyPoor], ValueOf = t => t.CareMonthly };

    public static readonly ApprovalTermField TemporaryAmount = new("temporaryAmount", "临时救助金额", "元", [], Required: true)
    { AppliesTo = [AssistanceCategory.Temporary], ValueOf = t => t.TemporaryAmount };

    public static readonly ApprovalTermField FromMonth = new("fromMonth", "起始月份（从何月起执行）", "月", [], Required: true)
    { AppliesTo = Monthly, ValueOf = t => t.FromMonth };

    /// <summary>Every field, in the order the forms print them (the first month last).</summary>
    public static IReadOnlyList<ApprovalTermField> All { get; } =
        [CoveredPersons, PerCapitaMonthly, HouseholdMonthly, SupportForm, BasicMonthly, CareLevel, CareMonthly, TemporaryAmount, FromMonth];

    /// <summary>The fields a county's 批准 of a case of <paramref name="categories"/> must give.</summary>
    public static IEnumerable<ApprovalTermField> RequiredFor(IEnumerable<AssistanceCategory> categories)
    {
        var of = categories.ToList();
        return All.Where(f => f.Required && f.AppliesToAny(of));
    }
}
