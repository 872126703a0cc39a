namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/step-forms: one step of the procedure (kind as the events endpoint takes it, its label) and the forms it may print.</summary>
public sealed record StepForms(string Kind, string Label, IReadOnlyList<StepFormChoice> Forms);

/// <summary>A form a step may print: its id (the events endpoint's printForm) and title.</summary>
public sealed record StepFormChoice(string Id, string Title);
