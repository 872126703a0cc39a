namespace FormArchive.Casework.Records;

/// <summary>What a save of the case data came to: the version it now is, the document holding it, and whether it was the newest already.</summary>
public sealed record SavedCaseRecord(string CaseId, int Version, int DocumentNo, bool Unchanged);
