using System.Collections;
using System.Globalization;
using FormArchive.Domain;
using Scriban.Runtime;

namespace FormArchive.Templates;

/// <summary>
/// Template functions for notices and public notices (池民社救〔2024〕56号 attachments 6–10). Each adapts
/// one Domain rule: <see cref="PublicityPeriod"/>, <see cref="NoticeNumber"/>, <see cref="AppealWindow"/>,
/// <see cref="ProposedBenefit"/>, <see cref="CategoryOrder"/>.
/// </summary>
public static partial class TemplateFunctions
{
    private static void ImportNoticeFunctions(ScriptObject so)
    {
        so.Import("publicity_days", new Func<int>(PublicityDays));
        so.Import("publicity_end", new Func<object?, string>(PublicityEnd));
        so.Import("notice_no", new Func<object?, object?, string>(NoticeNo));
        so.Import("appeal_days", new Func<object?, int>(AppealDays));
        so.Import("proposed_amount", new Func<object?, object?, string>(ProposedAmount));
        so.Import("sort_by_category", new Func<object?, object?, ScriptArray>(SortByCategory));
    }

    /// <summary><c>publicity_days</c>: the length of the 公示 period (7).</summary>
    public static int PublicityDays() => PublicityPeriod.Days;

    /// <summary>
    /// <c>publicity_end(start)</c>: the last day of the 公示 period starting on <paramref name="start"/>, as an ISO
    /// date ("2024-07-16" for "2024-07-10"); "" for a blank or non-date start. Print it with <c>date_cn</c>.
    /// </summary>
    public static string PublicityEnd(object? start)
    {
        if (IsBlank(start) || !TryDate(start, out var date, out var hasDay) || !hasDay)
            return string.Empty;
        return PublicityPeriod.EndDate(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <c>notice_no(year, number)</c>: "（2024年第 3 号）"; "" when either is missing (the blank form prints blanks).
    /// A number below 1 is an error (the schemas reject it first).
    /// </summary>
    public static string NoticeNo(object? year, object? number)
    {
        if (IsBlank(year) || IsBlank(number))
            return string.Empty;
        if (!TryInt(year, out var y) || !TryInt(number, out var n))
            throw new ArgumentException($"告知书编号应为整数：年份“{Text(year)}”，编号“{Text(number)}”。");
        return NoticeNumber.Format(y, n);
    }

    /// <summary><c>appeal_days(kind)</c>: 15 for "复查", 60 for "行政复议" (<see cref="AppealWindow"/>).</summary>
    public static int AppealDays(object? kind) => AppealWindow.DaysFor(Text(kind));

    /// <summary>
    /// <c>proposed_amount(category, amount)</c>: 拟保障金额 on the 审核公示单 — "无" for 低保边缘家庭, 刚性支出困难家庭
    /// and 其他低收入人口, otherwise <c>money(amount)</c> ("" when there is none).
    /// </summary>
    public static string ProposedAmount(object? category, object? amount)
    {
        _ = AssistanceCategory.TryParse(Text(category), out var parsed);
        if (ProposedBenefit.HasNoAmount(parsed))
            return ProposedBenefit.None;
        return Money(amount);
    }

    /// <summary>
    /// <c>sort_by_category(items, member)</c>: the items (objects) ordered by the assistance category held in
    /// <paramref name="member"/>, in the legal order; stable, unknown or blank categories last.
    /// </summary>
    public static ScriptArray SortByCategory(object? items, object? member)
    {
        var name = Text(member);
        var result = new ScriptArray();
        if (items is null or string || items is not IEnumerable list)
            return result;
        foreach (var item in CategoryOrder.Sort(list.Cast<object?>(), item => CategoryOf(item, name)))
            result.Add(item);
        return result;
    }

    private static string? CategoryOf(object? item, string member) => item switch
    {
        ScriptObject so when so.TryGetValue(member, out var value) => FirstText(value),
        IDictionary<string, object?> d when d.TryGetValue(member, out var value) => FirstText(value),
        _ => null,
    };

    // A family may list several categories: it sorts by the first in the legal order.
    private static string? FirstText(object? value)
    {
        if (value is null or string)
            return value as string;
        if (value is IEnumerable many)
            return CategoryOrder.Normalise(many.Cast<object?>().Select(v => v is null ? null : Text(v))).FirstOrDefault()?.Name;
        return Text(value);
    }

    private static bool TryInt(object? value, out int result)
    {
        switch (value)
        {
            case int i:
                result = i;
                return true;
            case long or short or byte or decimal or double or float:
                var d = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (d == Math.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
                {
                    result = (int)d;
                    return true;
                }
                break;
            case string s:
                return int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
        }
        result = 0;
        return false;
    }
}
