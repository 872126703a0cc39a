namespace FormArchive.Casework.Records;

/// <summary>
/// One saved version of a case's data: the document that holds it, its number among the versions (from 1), and the
/// stage the case was at when it was saved (受理, 公示 …; null before the first recorded step).
/// </summary>
public sealed record CaseRecordVersion(int Version, int DocumentNo, DateTimeOffset SavedAt, string SavedBy, string? Stage = null);
