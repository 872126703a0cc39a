using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FormArchive.Casework.Records;

namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/cases/{caseId}/record: the newest saved version (or a draft from the case data) and the list of versions.</summary>
public sealed record CaseRecordView(string CaseId, int Version, bool SealedCase, JsonObject? Data, IReadOnlyList<CaseRecordVersion> Versions);

/// <summary>GET /api/cases/{caseId}/record/versions/{version}: one saved version.</summary>
public sealed record CaseRecordVersionView(string CaseId, int Version, JsonObject? Data);

/// <summary>GET /api/cases/{caseId}/record/changes: what changed between two versions (0: nothing saved yet).</summary>
public sealed record CaseRecordChanges(string CaseId, int From, int To, IReadOnlyList<CaseRecordChange> Changes);

/// <summary>PUT /api/cases/{caseId}/record: the version the data is now; <see cref="Unchanged"/> when it was the newest already.</summary>
public sealed record CaseRecordSaved(string CaseId, int Version, int DocumentNo)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Unchanged { get; init; }
}

/// <summary>GET /api/cases/{caseId}/record/scanned-persons: the persons read on the case's scans, and expired ID cards.</summary>
public sealed record ScannedPersonsView(string CaseId, IReadOnlyList<ScannedPerson> Persons, IReadOnlyList<ExpiredCard> ExpiredCards);

/// <summary>POST /api/cases/{caseId}/record/print/{formId}: the form filed, and the version of the case data it was printed from.</summary>
public sealed record PrintedFromRecord(string CaseId, int DocumentNo, string Title, string FileName, int CaseRecordVersion, int CaseRecordDocumentNo);
