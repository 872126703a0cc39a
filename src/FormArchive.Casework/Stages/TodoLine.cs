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
    IReadOnlyList<string> Warnings)
{
    /// <summary>What the county's 退回补正 asks the township to supply, while the case is back for it (else empty).</summary>
    public IReadOnlyList<string> Supply { get; init; } = [];
}

/// <summary>A case the county returned for 补正 (退回补正) and the township has not yet submitted again: when, by whom, what to supply.</summary>
public sealed record ReturnedLine(
    string CaseId, string? FileNumber, string ApplicantName, string Village, DateOnly ReturnedOn, string? ReturnedBy, IReadOnlyList<string> Supply);
