namespace FormArchive.Casework.Stages;

/// <summary>One household on the 定期复核名单: case, applicant's name, categories, last checked, review due, already overdue.</summary>
public sealed record ReviewLine(
    string CaseId,
    string? FileNumber,
    string ApplicantName,
    string Village,
    IReadOnlyList<string> Categories,
    DateOnly LastChecked,
    DateOnly Due,
    bool Overdue);
