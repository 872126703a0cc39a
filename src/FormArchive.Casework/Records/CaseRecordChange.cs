namespace FormArchive.Casework.Records;

/// <summary>One field that differs between two versions of the case data (values as text; ID numbers masked).</summary>
public sealed record CaseRecordChange(string Path, string? Before, string? After);
