namespace FormArchive.Archive.Cases;

/// <summary>
/// One step of the case's procedure (受理, 入户调查, 公示 …) as the archive keeps it: an entry of the case's
/// hash-chained event log, never edited. The archive stores it without judging it; the stage rules
/// (FormArchive.Casework) check each one before it is appended and replay them all on every read.
/// <see cref="At"/> is when the step happened, which may be before the log entry was written.
/// </summary>
public sealed record StageRecord
{
    /// <summary>The step, by its Casework event name (Accepted, HomeVisited …).</summary>
    public required string Kind { get; init; }
    /// <summary>Who did it (a staff name, not the applicant).</summary>
    public required string Actor { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>Approved or Rejected, where the step decides.</summary>
    public string? Outcome { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string> Staff { get; init; } = [];
    /// <summary>
    /// For 受理: whose stage rules govern the case (Casework's rule name, e.g. Chizhou), as in force when it was
    /// accepted, so that a later change of the installation's rules does not move its deadlines. Null in older logs.
    /// </summary>
    public string? Rules { get; init; }
    /// <summary>For 受理: every assistance category of the case (the rules follow all of them). Null in older logs.</summary>
    public IReadOnlyList<string>? Categories { get; init; }
    /// <summary>件号 of documents filed for this step (a form printed at it), in the case's volume.</summary>
    public IReadOnlyList<int>? Documents { get; init; }
    /// <summary>Who signed the step; null in logs written before people signed.</summary>
    public StageSignature? Signer { get; init; }
    /// <summary>For 受理: which level confirms each category (category code → township or county). Null in older logs.</summary>
    public IReadOnlyDictionary<string, string>? Confirms { get; init; }
    /// <summary>For 退回补正: the items to supply.</summary>
    public IReadOnlyList<string>? Supply { get; init; }
    /// <summary>For a 审核确认 批准: the amounts and the first month.</summary>
    public FormArchive.Domain.ApprovalTerms? Terms { get; init; }
}

/// <summary>The signature on a stored step: the key, the person's name, post and level (machine names) and unit.</summary>
public sealed record StageSignature(string KeyId, string Name, string Post, string Level, string Unit);
