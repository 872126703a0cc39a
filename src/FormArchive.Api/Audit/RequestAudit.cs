namespace FormArchive.Api.Audit;

/// <summary>
/// What the handler tells the audit line of its request (scoped: one per request); <see cref="AuditFilter"/> writes
/// the line after the handler ran. ID numbers in the detail are masked by the log anyway.
/// </summary>
public sealed class RequestAudit
{
    /// <summary>The case the request is about, when there is one (the route's, or the one a request opened).</summary>
    public string? CaseId { get; set; }

    public string Detail { get; set; } = "";
}
