namespace FormArchive.Casework.Stages;

/// <summary>One line of a township's 待办 list: the case (with the applicant's name, not the ID number), what is due, when, and how urgent.</summary>
public sealed record TodoLine(
    string CaseId,
    string? FileNumber,
    string ApplicantName,
    string Village,
    CaseStage Stage,
    string StageLabel,
    string What,
    DateOnly Due,
    string Basis,
    TodoBucket Bucket,
    IReadOnlyList<string> Warnings);
