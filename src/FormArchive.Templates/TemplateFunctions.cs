using System.Collections;
using System.Globalization;
using FormArchive.Domain;
using Scriban.Runtime;
using DomainMoney = FormArchive.Domain.Money;

namespace FormArchive.Templates;

/// <summary>
/// Functions available to every template, registered as globals with snake_case names
/// (<see cref="Names"/>). They only adapt template values to the Domain rules, which hold the logic.
/// All are forgiving about blank input: a blank form calls them with <c>null</c> and gets empty text.
/// </summary>
public static partial class TemplateFunctions
{
    /// <summary>The snake_case names under which the functions are registered.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["id_sex", "id_birth", "id_age", "id_valid", "mask_id", "date_cn", "month_cn", "money", "checked", "or_default",
         "publicity_days", "publicity_end", "notice_no", "appeal_days", "proposed_amount", "sort_by_category",
         "occupation", "monthly_money", "self_care_conclusion", "township_name", "village_name"];

    /// <summary>Creates a fresh, read-only global object holding all the functions.</summary>
    public static ScriptObject CreateScriptObject()
    {
        var so = new ScriptObject();
        so.Import("id_sex", new Func<object?, string>(IdSex));
        so.Import("id_birth", new Func<object?, string>(IdBirth));
        so.Import("id_age", new Func<object?, object?, object?>(IdAge));
        so.Import("id_valid", new Func<object?, bool>(IdValid));
        so.Import("mask_id", new Func<object?, string>(MaskId));
        so.Import("date_cn", new Func<object?, string>(DateCn));
        so.Import("month_cn", new Func<object?, string>(MonthCn));
        so.Import("money", new Func<object?, string>(Money));
        so.Import("checked", new Func<object?, object?, string>(Checked));
        so.Import("or_default", new Func<object?, object?, object?>(OrDefault));
        ImportNoticeFunctions(so);
        ImportHouseholdFunctions(so);
        ImportPlaceFunctions(so);
        foreach (var name in Names)
            so.SetReadOnly(name, true);
        return so;
    }

    /// <summary><c>id_sex(id)</c>: "男"/"女" from a valid ID number, otherwise "".</summary>
    public static string IdSex(object? id) => TryId(id, out var parsed) ? parsed.Sex : string.Empty;

    /// <summary><c>id_birth(id)</c>: 出生年月 from a valid ID number, e.g. "1958年3月", otherwise "".</summary>
    public static string IdBirth(object? id) => TryId(id, out var parsed) ? ChineseDate.FormatMonth(parsed.BirthDate) : string.Empty;

    /// <summary>
    /// <c>id_age(id, date)</c>: age in whole years on <paramref name="date"/> (ISO text, DateTime or DateOnly;
    /// a year-month counts as its first day). <c>null</c> (prints nothing) when either is missing or invalid.
    /// </summary>
    public static object? IdAge(object? id, object? date)
    {
        if (!TryId(id, out var parsed) || !TryDate(date, out var on, out _))
            return null;
        return parsed.AgeAt(on);
    }

    /// <summary><c>id_valid(id)</c>: whether the value is a valid 18-character ID number.</summary>
    public static bool IdValid(object? id) => TryId(id, out _);

    /// <summary><c>mask_id(id)</c>: e.g. "110105********0029"; "" for null.</summary>
    public static string MaskId(object? id) => IdNumberMasking.Mask(Text(id));

    /// <summary>
    /// <c>date_cn(d)</c>: "2024年5月30日" for a date, "2024年5月" for a year-month ("2024-05"), "" for null/blank.
    /// Text that is not an ISO date is returned unchanged rather than dropped.
    /// </summary>
    public static string DateCn(object? value)
    {
        if (IsBlank(value))
            return string.Empty;
        if (!TryDate(value, out var date, out var hasDay))
            return Text(value);
        return hasDay ? ChineseDate.Format(date) : ChineseDate.FormatMonth(date);
    }

    /// <summary><c>month_cn(d)</c>: "2024年5月" for a date or year-month, "" for null/blank; other text unchanged.</summary>
    public static string MonthCn(object? value)
    {
        if (IsBlank(value))
            return string.Empty;
        return TryDate(value, out var date, out _) ? ChineseDate.FormatMonth(date) : Text(value);
    }

    /// <summary><c>money(x)</c>: "1,234.00"; "" for null/blank; non-numeric text unchanged.</summary>
    public static string Money(object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case decimal m:
                return DomainMoney.Format(m);
            case double d:
                return DomainMoney.Format(d);
            case float f:
                return DomainMoney.Format((double)f);
            case int or long or short or byte or sbyte or uint or ulong or ushort:
                return DomainMoney.Format(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
            case string s when string.IsNullOrWhiteSpace(s):
                return string.Empty;
            case string s when decimal.TryParse(s.Trim().Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed):
                return DomainMoney.Format(parsed);
            default:
                return Text(value);
        }
    }

    /// <summary>
    /// <c>checked(value, option)</c>: "true" when <paramref name="value"/> (a string or an array of strings)
    /// is or contains <paramref name="option"/>, else "false". Assistance categories match by meaning, so
    /// "低保", "最低生活保障" and "最低生活保障对象" are the same option.
    /// </summary>
    public static string Checked(object? value, object? option)
    {
        var wanted = Text(option);
        if (value is null || wanted.Trim().Length == 0)
            return "false";
        if (value is not string && value is IEnumerable items)
        {
            foreach (var item in items)
            {
                if (item is not null && Matches(Text(item), wanted))
                    return "true";
            }
            return "false";
        }
        return value is bool b
            ? (b && (wanted == "true" || wanted == "是" || wanted == "有") ? "true" : "false")
            : Matches(Text(value), wanted) ? "true" : "false";
    }

    /// <summary><c>or_default(value, fallback)</c>: <paramref name="value"/> unless it is null or blank text.</summary>
    public static object? OrDefault(object? value, object? fallback) => IsBlank(value) ? fallback : value;

    private static bool Matches(string a, string b)
    {
        a = a.Trim();
        b = b.Trim();
        if (a.Length == 0)
            return false;
        if (a == b)
            return true;
        return AssistanceCategory.TryParse(a, out var ca) && AssistanceCategory.TryParse(b, out var cb) && ca == cb;
    }

    private static bool TryId(object? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ChineseIdNumber? id)
    {
        id = null;
        return value is string s && ChineseIdNumber.TryParse(s, out id, out _);
    }

    private static bool TryDate(object? value, out DateOnly date, out bool hasDay)
    {
        hasDay = true;
        switch (value)
        {
            case DateOnly d:
                date = d;
                return true;
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case DateTimeOffset dto:
                date = DateOnly.FromDateTime(dto.DateTime);
                return true;
            case string s:
                return ChineseDate.TryParseIso(s, out date, out hasDay);
            default:
                date = default;
                return false;
        }
    }

    private static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
