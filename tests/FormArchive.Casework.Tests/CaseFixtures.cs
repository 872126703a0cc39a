using FormArchive.Casework;
using FormArchive.Domain;

namespace FormArchive.Tests.Casework;

/// <summary>Builds stage events at a given China-time day, for the casework tests.</summary>
internal static class CaseFixtures
{
    public static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Load(null);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An event at 10:00 China time on <paramref name="iso"/>.</summary>
    public static CaseEvent E(CaseEventKind kind, string iso, CaseOutcome? outcome = null, string? reason = null, string actor = "张三") =>
        new(kind, actor, new DateTimeOffset(D(iso).ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset))
        {
            Outcome = outcome,
            Reason = reason,
            Staff = kind == CaseEventKind.HomeVisited ? ["李四"] : [],
        };

    /// <summary>受理 → 核对授权 → 入户调查 → 初审意见 → 公示 on the given days.</summary>
    public static List<CaseEvent> ThroughPublicity(string accepted, string checkedOn, string visited, string opinion, string publicity) =>
    [
        E(CaseEventKind.Accepted, accepted),
        E(CaseEventKind.AuthorizationChecked, checkedOn),
        E(CaseEventKind.HomeVisited, visited),
        E(CaseEventKind.PreliminaryOpinion, opinion, CaseOutcome.Approved),
        E(CaseEventKind.PublicityStarted, publicity),
    ];

    public static StageLogSnapshot Case(string id, IReadOnlyList<CaseEvent> events, string township = "秋浦街道", LocalRules rules = LocalRules.Chizhou,
        bool unstable = false, params AssistanceCategory[] categories) =>
        new(id, township, categories.Length == 0 ? [AssistanceCategory.Dibao] : categories, events, rules, unstable);
}
