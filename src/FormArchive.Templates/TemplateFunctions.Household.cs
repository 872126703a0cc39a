using FormArchive.Domain;
using Scriban.Runtime;

namespace FormArchive.Templates;

/// <summary>
/// Template functions for the household tables and the 入户调查表 (池民社救〔2024〕56号 attachments 3 and 5). Each
/// adapts one Domain rule: <see cref="OccupationStatus"/>, <see cref="BenefitAmount"/>, <see cref="SelfCareAssessment"/>.
/// </summary>
public static partial class TemplateFunctions
{
    /// <summary>The clock used when a form has no reference date (tests may replace it).</summary>
    internal static Func<DateOnly> Today { get; set; } = () => DateOnly.FromDateTime(DateTime.Now);

    private static void ImportHouseholdFunctions(ScriptObject so)
    {
        so.Import("occupation", new Func<object?, object?, object?, string>(Occupation));
        so.Import("monthly_money", new Func<object?, object?, string>(MonthlyMoney));
        so.Import("self_care_conclusion", new Func<object?, string>(SelfCareConclusion));
    }

    /// <summary>
    /// <c>occupation(status, id, date)</c>: the 职业状况 to print — the class given (any spelling, printed as its label,
    /// e.g. "（1）" → "老年人"), or when none is given the class the age on the ID number implies on
    /// <paramref name="date"/> (老年人 at 60+, 其他人员 under 18); the date is the form's own (受理日期 on the 审核确认表,
    /// 调查时间 on the 入户调查表) and today when the data has none. "" when nothing can be said.
    /// </summary>
    public static string Occupation(object? status, object? id, object? date)
    {
        var on = TryDate(date, out var d, out _) ? d : Today();
        return OccupationStatus.Display(IsBlank(status) ? null : Text(status), id as string, on);
    }

    /// <summary>
    /// <c>monthly_money(monthly, annual)</c>: a monthly amount as money — <paramref name="monthly"/> when given, otherwise
    /// <paramref name="annual"/> ÷ 12 to the 分; "" when neither is given.
    /// </summary>
    public static string MonthlyMoney(object? monthly, object? annual)
    {
        if (!IsBlank(monthly))
            return Money(monthly);
        if (IsBlank(annual))
            return string.Empty;
        return ToDecimalExact(annual) is { } a ? Money(BenefitAmount.MonthlyFromAnnual(a)) : Text(annual);
    }

    /// <summary>
    /// <c>self_care_conclusion(self_care)</c>: the 结论 given, or the one the six items imply when all six are assessed
    /// (<see cref="SelfCareAssessment.Conclude"/>); "" otherwise.
    /// </summary>
    public static string SelfCareConclusion(object? selfCare)
    {
        if (selfCare is not ScriptObject so)
            return string.Empty;
        var given = so["conclusion"];
        if (!IsBlank(given))
            return Text(given).Trim();
        bool? Item(string name) => so[name] is bool b ? b : null;
        return SelfCareAssessment.Conclude(
            [Item("eating"), Item("dressing"), Item("transfer"), Item("toileting"), Item("indoor_walking"), Item("bathing")]) ?? string.Empty;
    }

    private static decimal? ToDecimalExact(object? value) => value switch
    {
        decimal m => m,
        long l => l,
        int i => i,
        double d => (decimal)d,
        _ => null,
    };
}
