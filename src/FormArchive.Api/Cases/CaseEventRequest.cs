using FormArchive.Casework;

namespace FormArchive.Api.Cases;

/// <summary>
/// POST /api/cases/{caseId}/events: one step of the procedure (Casework's <see cref="CaseStepRequest"/>, read by its
/// rule) and <see cref="PrintForm"/>, a form id, one the step may print (Casework's StageForms, GET /api/step-forms):
/// that form is printed from the case's newest case data, its dates from the steps (this one included), filed, and
/// named by the step.
/// </summary>
public sealed record CaseEventRequest : CaseStepRequest
{
    public string? PrintForm { get; init; }
}
