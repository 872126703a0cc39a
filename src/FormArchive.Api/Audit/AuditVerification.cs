namespace FormArchive.Api.Audit;

/// <summary>
/// Outcome of checking the audit log's hash chain: how many entries hold together, how many predate the chain,
/// the newest hash (the head: keep a copy elsewhere to notice a truncated tail), and the first break if any.
/// </summary>
public sealed record AuditVerification(bool Intact, long Entries, long Unchained, string? Head, long? BrokenAt, string? Problem)
{
    /// <summary>How many anchors of the chain head the archive store holds (all matched if <see cref="Intact"/>).</summary>
    public int Anchors { get; init; }
}
