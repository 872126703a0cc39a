namespace FormArchive.Casework.Stages;

/// <summary>
/// The steps the 入户调查表's two opinion boxes record: 乡镇人民政府（街道办事处）意见 the 初审意见; 县（区）民政局意见 the
/// county's 审核确认 批准 — not a township's (a delegated case leaves the county box blank) nor a 不予批准 (the box only
/// agrees), while one recorded before people signed, its level unknown, still counts as it did.
/// </summary>
internal static class OpinionSteps
{
    public static CaseEvent? Town(IReadOnlyList<CaseEvent> events) => events.FirstOrDefault(e => e.Kind == CaseEventKind.PreliminaryOpinion);

    public static CaseEvent? County(IReadOnlyList<CaseEvent> events) => events.FirstOrDefault(e =>
        e.Kind == CaseEventKind.Confirmed && e.Outcome == CaseOutcome.Approved && e.SignedBy?.Level != ApprovalLevel.Township);

    /// <summary>
    /// The 负责人审签 of a signed <paramref name="opinion"/>: the first after it by a 负责人 of its unit. The stage rules let a
    /// unit's next opinion come only once this one is countersigned, so that countersign is this opinion's.
    /// </summary>
    public static CaseEvent? CountersignOf(IReadOnlyList<CaseEvent> events, CaseEvent opinion)
    {
        if (opinion.SignedBy is not { } by) return null;
        return events.SkipWhile(e => !ReferenceEquals(e, opinion)).Skip(1).FirstOrDefault(e =>
            e.Kind == CaseEventKind.Countersigned && e.SignedBy is { } head && head.Level == by.Level && head.Unit == by.Unit);
    }

    /// <summary>
    /// The step that decided <paramref name="outcome"/>, which the notices print (their 审核确认单位 and date): the
    /// 审核确认, or for 不予批准 before one, the 初审意见.
    /// </summary>
    public static CaseEvent? Decision(IReadOnlyList<CaseEvent> events, CaseOutcome outcome)
    {
        var decided = events.FirstOrDefault(e => e.Kind == CaseEventKind.Confirmed)
            ?? (outcome == CaseOutcome.Rejected ? events.FirstOrDefault(e => e.Kind == CaseEventKind.PreliminaryOpinion) : null);
        return decided?.Outcome == outcome ? decided : null;
    }
}
