using FormArchive.Domain;

namespace FormArchive.Casework;

/// <summary>
/// A step as a caller writes it — the API's JSON body, the CLI's options — read into a <see cref="CaseEvent"/> by one
/// rule for both. <see cref="Kind"/> by name (homeVisited) or label (入户调查); <see cref="Outcome"/> approved/批准 or
/// rejected/不予批准. When: <see cref="At"/> (with its offset), or <see cref="Date"/> (a China-time day: now if it is
/// today, else 12:00 that day), or now. <see cref="Actor"/> is who did the step (default: the one recording it);
/// <see cref="Staff"/> the others present; <see cref="Documents"/> the 件号 of documents of the case filed for the step;
/// <see cref="Supply"/> the items a 退回补正 asks the township to supply; <see cref="Terms"/> what a 批准 decides.
/// </summary>
public record CaseStepRequest
{
    public string? Kind { get; init; }
    public DateTimeOffset? At { get; init; }
    public DateOnly? Date { get; init; }
    public string? Actor { get; init; }
    public string? Outcome { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string>? Staff { get; init; }
    public IReadOnlyList<int>? Documents { get; init; }
    public IReadOnlyList<string>? Supply { get; init; }
    /// <summary>For a 审核确认 批准: the amounts and the first month the forms print.</summary>
    public ApprovalTermsRequest? Terms { get; init; }

    /// <summary>The step, texts trimmed; null with <paramref name="refusal"/> (Chinese, naming the field) when the request is not one.</summary>
    public CaseEvent? ToEvent(string defaultActor, DateTimeOffset now, out string? refusal)
    {
        refusal = Refusal();
        if (refusal is not null) return null;
        var actor = string.IsNullOrWhiteSpace(Actor) ? defaultActor : Actor.Trim();
        if (actor.Length > 50 || (Reason?.Length ?? 0) > 500 || (Note?.Length ?? 0) > 500
            || (Staff?.Count ?? 0) > 20 || (Staff ?? []).Any(s => s is null || s.Length > 50))
        {
            refusal = "actor、staff 每项至多50字，reason、note 至多500字，staff 至多20人。";
            return null;
        }
        if ((Supply?.Count ?? 0) > 30 || (Supply ?? []).Any(s => s is null || s.Length > 200))
        {
            refusal = "supply 至多30项，每项至多200字。";
            return null;
        }
        ApprovalTerms? terms = null;
        if (Terms is not null && (terms = Terms.ToTerms(out refusal)) is null) return null;
        var at = At ?? (Date is { } day
            ? day == DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime)
                ? now
                : new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset)
            : now);
        return new CaseEvent(CaseEventKinds.Parse(Kind)!.Value, actor, at)
        {
            Outcome = CaseEventKinds.ParseOutcome(Outcome),
            Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(),
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
            Staff = [.. (Staff ?? []).Select(s => s.Trim()).Where(s => s.Length > 0)],
            Documents = Documents ?? [],
            Supply = [.. (Supply ?? []).Select(s => s.Trim()).Where(s => s.Length > 0)],
            Terms = terms,
        };
    }

    private string? Refusal()
    {
        if (CaseEventKinds.Parse(Kind) is null)
            return $"kind：未知的办理环节“{Clip(Kind)}”，应为 {CaseEventKinds.Choices()}。";
        if (!string.IsNullOrWhiteSpace(Outcome) && CaseEventKinds.ParseOutcome(Outcome) is null)
            return $"outcome：未知的结果“{Clip(Outcome)}”，应为 批准(approved) 或 不予批准(rejected)。";
        if (At is not null && Date is not null)
            return "at 与 date 只能给出一个。";
        return null;
    }

    /// <summary>What the caller sent, cut short for the message (a body may hold a megabyte).</summary>
    public static string? Clip(string? text) => text is { Length: > 20 } ? text[..20] + "…" : text;
}
