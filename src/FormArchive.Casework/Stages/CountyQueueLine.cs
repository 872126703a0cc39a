namespace FormArchive.Casework.Stages;

/// <summary>
/// One case in a county's queue: who applied (name, never the ID number), where, for what, when it was submitted,
/// the 审核确认 deadline and how urgent it is, and what the county has still to do on it.
/// </summary>
public sealed record CountyQueueLine(
    string CaseId,
    string? FileNumber,
    string ApplicantName,
    string Township,
    string Village,
    IReadOnlyList<string> Categories,
    DateOnly Submitted,
    DateOnly? Due,
    string? DueWhat,
    string? Basis,
    bool Overdue,
    bool DueSoon,
    string Awaiting,
    IReadOnlyList<string> Warnings);
