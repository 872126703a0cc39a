namespace FormArchive.Casework.Stages;

/// <summary>
/// A case's progress as the clerk and the archivist read it: stage (null before 受理 is recorded), every
/// deadline with its legal basis, warnings, the 公示 period, the first benefit month and the timeline. Dates
/// are China-time calendar days; <see cref="Today"/> is the day the overdue flags were computed for. The log
/// runs through every volume of the case (<see cref="Volumes"/>): a 补充卷 continues it after sealing.
/// </summary>
public sealed record CaseProgressReport(
    string CaseId,
    string Township,
    string Category,
    CaseStage? Stage,
    string? StageLabel,
    DateOnly Today,
    IReadOnlyList<DeadlineLine> Deadlines,
    IReadOnlyList<string> Warnings,
    DateOnly? PublicityStart,
    DateOnly? PublicityEnd,
    DateOnly? BenefitFromMonth,
    IReadOnlyList<TimelineEntry> Timeline,
    bool Sealed)
{
    /// <summary>Every category the rules follow (recorded at 受理); <see cref="Category"/> is the catalog's first one.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>The stage rules governing the case (recorded at 受理, else the installation's): Chizhou or Yunyang.</summary>
    public string? Rules { get; init; }
    /// <summary>The case's volumes whose steps make up the log, oldest first (the case itself, then its 补充卷).</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];
    /// <summary>Submitted to the county and not yet returned or decided: the township cannot change the file meanwhile.</summary>
    public bool WithCounty { get; init; }
    /// <summary>While the case is back from the county for 补正: the items its 退回补正 asks to supply (else empty).</summary>
    public IReadOnlyList<string> Supply { get; init; } = [];
}
