namespace FormArchive.Casework.Stages;

/// <summary>
/// A county's 退回补正 the township has still to answer: the items of the last return that no new 报送审批 has followed.
/// The desks show them on the case and its 待办, and the 补充材料一次性告知书 asks the applicant for them.
/// </summary>
public static class CountyReturn
{
    /// <summary>The items still to supply, in the county's order; empty when the case is not back from the county for 补正.</summary>
    public static IReadOnlyList<string> Outstanding(IReadOnlyList<CaseEvent> events) =>
        events.LastOrDefault(e => e.Kind is CaseEventKind.Returned or CaseEventKind.Submitted) is { Kind: CaseEventKind.Returned } back
            ? back.Supply
            : [];
}
