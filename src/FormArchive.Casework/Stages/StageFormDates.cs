using System.Globalization;
using System.Text.Json.Nodes;

namespace FormArchive.Casework.Stages;

/// <summary>
/// Forms printed into a case take their dates from its stages: 受理 → acceptance.date, 核对授权 → authorization.date,
/// 入户调查 → survey.date, 初审意见 → town_opinion.date, 公示 → review_publicity.start_date (the form computes the
/// end), the county's 审核确认 批准 → county_opinion.date (<see cref="OpinionSteps.County"/>), the decision a notice
/// tells (<see cref="OpinionSteps.Decision"/>) → approval.date or rejection.date, the last 定期复核 →
/// benefit_adjustment.review_date. A date is filled only where the data has that section and leaves the date out; a
/// date that contradicts the record is refused, so a form never prints a day the case log does not hold. Dates are
/// China-time days.
/// </summary>
public static class StageFormDates
{
    private static readonly (string Section, string Field, Func<IReadOnlyList<CaseEvent>, CaseEvent?> Step)[] Links =
    [
        ("acceptance", "date", First(CaseEventKind.Accepted)),
        ("authorization", "date", First(CaseEventKind.AuthorizationChecked)),
        ("survey", "date", First(CaseEventKind.HomeVisited)),
        ("town_opinion", "date", OpinionSteps.Town),
        ("review_publicity", "start_date", First(CaseEventKind.PublicityStarted)),
        ("county_opinion", "date", OpinionSteps.County),
        ("approval", "date", events => OpinionSteps.Decision(events, CaseOutcome.Approved)),
        ("rejection", "date", events => OpinionSteps.Decision(events, CaseOutcome.Rejected)),
        ("benefit_adjustment", "review_date", events => events.LastOrDefault(e => e.Kind == CaseEventKind.Reviewed)),
    ];

    private static Func<IReadOnlyList<CaseEvent>, CaseEvent?> First(CaseEventKind kind) => events => events.FirstOrDefault(e => e.Kind == kind);

    /// <summary>Fills <paramref name="data"/> in place; returns the paths filled (e.g. review_publicity.start_date).</summary>
    /// <exception cref="CaseworkException">A date in the data differs from the recorded stage's.</exception>
    public static IReadOnlyList<string> Fill(JsonObject data, IReadOnlyList<CaseEvent> events)
    {
        var filled = new List<string>();
        foreach (var (section, field, step) in Links)
        {
            if (data[section] is not JsonObject target || step(events) is not { } e) continue;
            var day = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            StageFormField.Fill(target, section, field, day, $"“{e.Kind.Label()}”的日期", "日期", filled);
        }
        return filled;
    }
}
