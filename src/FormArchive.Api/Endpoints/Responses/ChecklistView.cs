using FormArchive.Casework.Checklist;

namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/cases/{caseId}/checklist: the required materials and whether each is present.</summary>
public sealed record ChecklistView(string CaseId, bool Complete, IReadOnlyList<ChecklistItem> Items);
