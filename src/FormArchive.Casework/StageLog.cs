namespace FormArchive.Casework;

/// <summary>
/// A case's stage log: append-only, and every append is checked against the stage rules first, so a log
/// that exists is a log the rules accept. Nothing is ever edited or removed; a mistake is corrected by a
/// later event.
/// </summary>
public sealed class StageLog
{
    private readonly List<CaseEvent> _events = [];
    private readonly object _gate = new();

    /// <summary>A log for this case, replaying <paramref name="stored"/> (refused if the rules reject it).</summary>
    public StageLog(string caseId, string township, IReadOnlyList<AssistanceCategory> categories,
        LocalRules rules = LocalRules.Chizhou, IEnumerable<CaseEvent>? stored = null, bool incomeUnstable = false, ConfirmingLevels? levels = null)
    {
        CaseId = caseId;
        Township = township;
        Categories = categories;
        Rules = rules;
        IncomeUnstable = incomeUnstable;
        Levels = levels;
        foreach (var e in stored ?? [])
            Append(e);
    }

    public string CaseId { get; }
    public string Township { get; }
    public IReadOnlyList<AssistanceCategory> Categories { get; }
    public LocalRules Rules { get; }
    public bool IncomeUnstable { get; }
    /// <summary>Which level confirms each category, as recorded at 受理; null for logs from before it was.</summary>
    public ConfirmingLevels? Levels { get; }

    /// <summary>The events so far, in the order appended (a copy).</summary>
    public IReadOnlyList<CaseEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    /// <summary>Appends <paramref name="e"/> if the stage rules allow it after the events so far.</summary>
    /// <exception cref="CaseworkException">The rules refuse it; the log is unchanged.</exception>
    public void Append(CaseEvent e)
    {
        lock (_gate)
        {
            StageRules.CheckAppend(Snapshot(), e);
            _events.Add(e);
        }
    }

    /// <summary>The case as the rules see it now.</summary>
    public StageLogSnapshot Snapshot()
    {
        lock (_gate)
            return new StageLogSnapshot(CaseId, Township, Categories, [.. _events], Rules, IncomeUnstable, Levels);
    }
}
