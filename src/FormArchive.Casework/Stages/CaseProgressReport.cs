namespace FormArchive.Casework.Stages;

/// <summary>
/// A case's progress as the clerk and the archivist read it: stage (null before 受理 is recorded), every
/// deadline with its legal basis, warnings, the 公示 period, the first benefit month and the timeline. Dates
/// are China-time calendar days; <see cref="Today"/> is the day the overdue flags were computed for.
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
    bool Sealed);
