namespace FormArchive.Casework;

/// <summary>
/// One household on the monthly 定期复核名单: the case, its categories, when it was last confirmed or
/// reviewed, when the next review falls due, and whether that date was already past at the month's start.
/// </summary>
public sealed record ReviewListEntry(
    string CaseId,
    IReadOnlyList<AssistanceCategory> Categories,
    DateOnly LastChecked,
    DateOnly Due,
    bool Overdue);
