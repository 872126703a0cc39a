namespace FormArchive.Casework;

/// <summary>
/// One entry of a case's stage log: what happened, who did it, when (an instant; its date is taken in
/// China time), and the outcome, reason, note and further staff where the stage needs them.
/// </summary>
public sealed record CaseEvent(CaseEventKind Kind, string Actor, DateTimeOffset At)
{
    /// <summary>批准 / 不予批准, for 初审意见, 审核确认, 告知 and 定期复核.</summary>
    public CaseOutcome? Outcome { get; init; }

    /// <summary>Why (required for 延期).</summary>
    public string? Reason { get; init; }

    /// <summary>Free text (e.g. the amount paid, the warning's content).</summary>
    public string? Note { get; init; }

    /// <summary>Other staff present (入户调查 needs two or more in all, the actor included).</summary>
    public IReadOnlyList<string> Staff { get; init; } = [];

    /// <summary>件号 of documents filed for this step in the case's volume it is recorded in (a form printed at it).</summary>
    public IReadOnlyList<int> Documents { get; init; } = [];

    /// <summary>The person who signed the step, in their post at their unit; null in logs written before people signed.</summary>
    public Signer? SignedBy { get; init; }

    /// <summary>For 退回补正: the items the township is to supply.</summary>
    public IReadOnlyList<string> Supply { get; init; } = [];

    /// <summary>For a 审核确认 批准: the amounts and the first month the forms print.</summary>
    public ApprovalTerms? Terms { get; init; }

    /// <summary>The calendar day of the event in China (UTC+8), whatever offset <see cref="At"/> carries.</summary>
    public DateOnly Date => DateOnly.FromDateTime(At.ToOffset(ChinaTime.Offset).DateTime);
}
