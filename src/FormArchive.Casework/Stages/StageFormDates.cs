using System.Globalization;
using System.Text.Json.Nodes;

namespace FormArchive.Casework.Stages;

/// <summary>
/// Forms printed into a case take their dates from its stages: 受理 → acceptance.date, 核对授权 → authorization.date,
/// 入户调查 → survey.date, 初审意见 → town_opinion.date, 公示 → review_publicity.start_date (the form computes the
/// end), 审核确认 → county_opinion.date, the last 定期复核 → benefit_adjustment.review_date. A date is filled only
/// where the data has that section and leaves the date out; a date that contradicts the record is refused, so a
/// form never prints a day the case log does not hold. Dates are China-time days.
/// </summary>
public static class StageFormDates
{
    private static readonly (string Section, string Field, CaseEventKind Kind, bool Latest)[] Links =
    [
        ("acceptance", "date", CaseEventKind.Accepted, false),
        ("authorization", "date", CaseEventKind.AuthorizationChecked, false),
        ("survey", "date", CaseEventKind.HomeVisited, false),
        ("town_opinion", "date", CaseEventKind.PreliminaryOpinion, false),
        ("review_publicity", "start_date", CaseEventKind.PublicityStarted, false),
        ("county_opinion", "date", CaseEventKind.Confirmed, false),
        ("benefit_adjustment", "review_date", CaseEventKind.Reviewed, true),
    ];

    /// <summary>Fills <paramref name="data"/> in place; returns the paths filled (e.g. review_publicity.start_date).</summary>
    /// <exception cref="CaseworkException">A date in the data differs from the recorded stage's.</exception>
    public static IReadOnlyList<string> Fill(JsonObject data, IReadOnlyList<CaseEvent> events)
    {
        var filled = new List<string>();
        foreach (var (section, field, kind, latest) in Links)
        {
            if (data[section] is not JsonObject target) continue;
            var matching = events.Where(e => e.Kind == kind).ToList();
            if (matching.Count == 0) continue;
            var day = (latest ? matching[^1] : matching[0]).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var given = target[field] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
            if (given is null)
            {
                target[field] = day;
                filled.Add($"{section}.{field}");
            }
            else if (given != day)
                throw new CaseworkException($"表格数据 {section}.{field} 为 {given}，与办理记录中“{kind.Label()}”的日期 {day} 不一致；请删去该日期（将按办理记录填写）或更正。");
        }
        return filled;
    }
}
