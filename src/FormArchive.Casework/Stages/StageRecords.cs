using FormArchive.Archive.Cases;

namespace FormArchive.Casework.Stages;

/// <summary>Turns a Casework event into the archive's stored step and back; the one place that maps the two.</summary>
public static class StageRecords
{
    public static StageRecord ToRecord(CaseEvent e) => new()
    {
        Kind = e.Kind.ToString(),
        Actor = e.Actor,
        At = e.At,
        Outcome = e.Outcome?.ToString(),
        Reason = e.Reason,
        Note = e.Note,
        Staff = e.Staff ?? [],
        // Left out when none, so a step without documents is stored as before.
        Documents = e.Documents is { Count: > 0 } documents ? documents : null,
    };

    /// <summary>The event a stored step records; null if its kind or outcome is not one the rules know.</summary>
    public static CaseEvent? FromRecord(StageRecord r)
    {
        if (!Enum.GetNames<CaseEventKind>().Contains(r.Kind, StringComparer.Ordinal)) return null;
        CaseOutcome? outcome = null;
        if (r.Outcome is not null)
        {
            if (!Enum.GetNames<CaseOutcome>().Contains(r.Outcome, StringComparer.Ordinal)) return null;
            outcome = Enum.Parse<CaseOutcome>(r.Outcome);
        }
        return new CaseEvent(Enum.Parse<CaseEventKind>(r.Kind), r.Actor, r.At)
        {
            Outcome = outcome,
            Reason = r.Reason,
            Note = r.Note,
            Staff = r.Staff ?? [],
            Documents = r.Documents ?? [],
        };
    }
}
