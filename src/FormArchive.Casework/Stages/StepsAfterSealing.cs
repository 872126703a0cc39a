namespace FormArchive.Casework.Stages;

/// <summary>
/// The steps that keep coming after a case is sealed: the household stays on the roll, so payments, early
/// warnings and the 定期复核 go on. Recorded for a sealed case, they go to its open 补充卷 (or open one) and
/// continue its stage log there; any other step on a sealed case is refused.
/// </summary>
public static class StepsAfterSealing
{
    public static bool ContinueInSupplement(CaseEventKind kind) => kind is
        CaseEventKind.Reviewed or CaseEventKind.Paid or CaseEventKind.Entered or CaseEventKind.WarningReceived or CaseEventKind.WarningHandled;
}
