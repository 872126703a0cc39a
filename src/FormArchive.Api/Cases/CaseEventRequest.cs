namespace FormArchive.Api.Cases;

/// <summary>
/// POST /api/cases/{caseId}/events: one step of the procedure. <see cref="Kind"/> by name (homeVisited) or label
/// (入户调查); <see cref="Outcome"/> approved/批准 or rejected/不予批准. When: <see cref="At"/> (with its offset), or
/// <see cref="Date"/> (a China-time day: now if it is today, else 12:00 that day), or now. <see cref="Actor"/>
/// is who did the step (default: the key's name); <see cref="Staff"/> the others present; <see cref="Documents"/> the
/// 件号 of documents of the case filed for the step (the form printed at it), recorded with it. <see cref="PrintForm"/>
/// is a form id, one the step may print (Casework's StageForms, GET /api/step-forms): that form is printed from the
/// case's newest case data, its dates from the steps (this one included), filed, and named by the step.
/// </summary>
public sealed record CaseEventRequest
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
    public string? PrintForm { get; init; }
}
