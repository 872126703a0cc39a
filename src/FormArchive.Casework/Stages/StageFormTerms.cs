using System.Globalization;
using System.Text.Json.Nodes;

namespace FormArchive.Casework.Stages;

/// <summary>
/// Forms printed into a case take what the county decided from its log: the 县（区）民政局意见's “从…月起执行”
/// (county_opinion.start_month) is the first month of the county's 审核确认 批准 (<see cref="OpinionSteps.County"/>,
/// its <see cref="ApprovalTerms.FromMonth"/>). A decision without terms leaves the month as the data has it;
/// a month in the data that differs is refused.
/// </summary>
public static class StageFormTerms
{
    /// <summary>Fills <paramref name="data"/> in place; returns the paths filled (county_opinion.start_month).</summary>
    /// <exception cref="CaseworkException">The data's month differs from the decision's.</exception>
    public static IReadOnlyList<string> Fill(JsonObject data, IReadOnlyList<CaseEvent> events)
    {
        var filled = new List<string>();
        if (data["county_opinion"] is not JsonObject box || OpinionSteps.County(events) is not { Terms.FromMonth: { } from } decision) return filled;
        var month = from.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // The schema takes a month or a day (2024-09 or 2024-09-01); either names the month.
        StageFormField.Fill(box, "county_opinion", "start_month", month, $"“{decision.Kind.Label()}”的起始月份", "月份", filled,
            given => given.StartsWith(month, StringComparison.Ordinal) && (given.Length == month.Length || given[month.Length] == '-'));
        return filled;
    }
}
