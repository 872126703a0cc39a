using System.Globalization;
using System.Text.RegularExpressions;

namespace FormArchive.Casework;

/// <summary>
/// A 批准's terms as a caller writes them (the API's terms object, the desk's fields): amounts in yuan, the first
/// month as 2024-04, 2024-04-01 or 2024年4月. Read into <see cref="ApprovalTerms"/> by <see cref="ToTerms"/>.
/// </summary>
public sealed partial record ApprovalTermsRequest
{
    public int? CoveredPersons { get; init; }
    public decimal? PerCapitaMonthly { get; init; }
    public decimal? HouseholdMonthly { get; init; }
    public string? SupportForm { get; init; }
    public decimal? BasicMonthly { get; init; }
    public string? CareLevel { get; init; }
    public decimal? CareMonthly { get; init; }
    public decimal? TemporaryAmount { get; init; }
    public string? FromMonth { get; init; }

    public static IReadOnlyList<string> SupportForms => ApprovalTermFields.SupportForm.Choices;
    public static IReadOnlyList<string> CareLevels => ApprovalTermFields.CareLevel.Choices;

    /// <summary>The terms; null with <paramref name="refusal"/> (Chinese, naming the field as the form prints it) when one is not understood.</summary>
    public ApprovalTerms? ToTerms(out string? refusal)
    {
        refusal = null;
        foreach (var (field, amount) in new[]
        {
            (ApprovalTermFields.PerCapitaMonthly, PerCapitaMonthly), (ApprovalTermFields.HouseholdMonthly, HouseholdMonthly),
            (ApprovalTermFields.BasicMonthly, BasicMonthly), (ApprovalTermFields.CareMonthly, CareMonthly),
            (ApprovalTermFields.TemporaryAmount, TemporaryAmount),
        })
        {
            if (amount is { } a && (a < 0 || a > 1_000_000 || decimal.Round(a, 2) != a))
            {
                refusal = $"{field.Label}应为0至1000000元之间、至多两位小数的金额，而不是 {a}。";
                return null;
            }
        }
        if (CoveredPersons is < 1 or > 50)
        {
            refusal = $"{ApprovalTermFields.CoveredPersons.Label}应为1至50人，而不是 {CoveredPersons}。";
            return null;
        }
        var support = SupportForm?.Trim();
        if (!string.IsNullOrEmpty(support) && !SupportForms.Contains(support))
        {
            refusal = $"{ApprovalTermFields.SupportForm.Label}应为{string.Join("或", SupportForms)}，而不是“{CaseStepRequest.Clip(support)}”。";
            return null;
        }
        var care = CareLevel?.Trim();
        if (!string.IsNullOrEmpty(care) && !CareLevels.Contains(care))
        {
            refusal = $"{ApprovalTermFields.CareLevel.Label}应为{string.Join("、", CareLevels)}之一，而不是“{CaseStepRequest.Clip(care)}”。";
            return null;
        }
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(FromMonth))
        {
            if (ParseMonth(FromMonth.Trim()) is not { } month)
            {
                refusal = $"{ApprovalTermFields.FromMonth.Label}应写作 2024-04 或 2024年4月，而不是“{CaseStepRequest.Clip(FromMonth)}”。";
                return null;
            }
            from = month;
        }
        return new ApprovalTerms
        {
            CoveredPersons = CoveredPersons, PerCapitaMonthly = PerCapitaMonthly, HouseholdMonthly = HouseholdMonthly,
            SupportForm = string.IsNullOrEmpty(support) ? null : support, BasicMonthly = BasicMonthly,
            CareLevel = string.IsNullOrEmpty(care) ? null : care, CareMonthly = CareMonthly, TemporaryAmount = TemporaryAmount, FromMonth = from,
        };
    }

    /// <summary>The first day of the month written, or null.</summary>
    public static DateOnly? ParseMonth(string text)
    {
        var m = MonthPattern().Match(text);
        if (!m.Success) return null;
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100 || month is < 1 or > 12) return null;
        if (m.Groups["d"].Success && (!int.TryParse(m.Groups["d"].Value, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month)))
            return null;
        return new DateOnly(year, month, 1);
    }

    [GeneratedRegex(@"^(?<y>\d{4})\s*(?:-|/|年)\s*(?<m>\d{1,2})\s*(?:月)?(?:\s*(?:-|/)\s*(?<d>\d{1,2})\s*日?)?$")]
    private static partial Regex MonthPattern();
}
