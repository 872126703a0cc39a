namespace FormArchive.Api.Audit;

/// <summary>One audit line: who (key), when, what (action on which case, with the outcome), from where.</summary>
public sealed record AuditEntry
{
    public long Seq { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string KeyId { get; init; }
    public required string Actor { get; init; }
    public required string Role { get; init; }
    public string? RemoteAddress { get; init; }
    /// <summary>e.g. "case.read", "case.upload", "case.search".</summary>
    public required string Action { get; init; }
    public string? CaseId { get; init; }
    /// <summary>Free text, ID numbers masked.</summary>
    public string Detail { get; init; } = "";
    /// <summary>HTTP status the request ended with.</summary>
    public int Status { get; init; }
}
