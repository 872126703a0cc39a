using FormArchive.Archive.Access;
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
        Signer = e.SignedBy is { } s ? new StageSignature(s.KeyId, s.Name, Posts.Name(s.Post), s.Level.ToString().ToLowerInvariant(), s.Unit) : null,
        Supply = e.Supply is { Count: > 0 } supply ? supply : null,
        Terms = e.Terms,
    };

    /// <summary>Whether <paramref name="m"/>'s own log holds a step of <paramref name="kind"/> (read from the stored steps, not replayed).</summary>
    public static bool Holds(CaseManifest m, CaseEventKind kind) => m.Stages.Any(s => s.Kind == kind.ToString());

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
        Signer? signer = null;
        if (r.Signer is { } sig)
        {
            if (!Posts.TryParse(sig.Post, out var post) || !Enum.TryParse<ApprovalLevel>(sig.Level, ignoreCase: true, out var level) || !Enum.IsDefined(level))
                return null;
            signer = new Signer(sig.KeyId, sig.Name, post, level, sig.Unit);
        }
        return new CaseEvent(Enum.Parse<CaseEventKind>(r.Kind), r.Actor, r.At)
        {
            SignedBy = signer,
            Supply = r.Supply ?? [],
            Terms = r.Terms,
            Outcome = outcome,
            Reason = r.Reason,
            Note = r.Note,
            Staff = r.Staff ?? [],
            Documents = r.Documents ?? [],
        };
    }
}
