using FormArchive.Archive.Cases;
using FormArchive.Casework.Stages;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// POST /api/cases/{caseId}/events with printForm: the form filed for the step (in <see cref="Volume"/>, the case
/// or its 补充卷 the step went to), the case data version it was printed from, and the progress after the step.
/// </summary>
public sealed record StepWithForm(string CaseId, string Volume, DocumentEntry Form, int CaseRecordVersion, CaseProgressReport Progress);
