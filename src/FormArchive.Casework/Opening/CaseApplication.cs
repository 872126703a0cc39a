namespace FormArchive.Casework.Opening;

/// <summary>
/// What a clerk gives to open a case (POST /api/cases), filed in the case as its case data (case-data.json) with the
/// server's <see cref="CaseId"/> and township set. The case id is issued by <see cref="CaseOpening"/> (a caller may
/// not choose one: ids would reveal other townships' cases and let a caller take a 补充卷's id); the clerk's own
/// number goes in <see cref="FileNumber"/>.
/// </summary>
public sealed record CaseApplication
{
    /// <summary>Refused when opening; set by <see cref="CaseOpening"/> in the stored case data.</summary>
    public string? CaseId { get; init; }
    /// <summary>The clerk's own file number (本单位案卷号): searchable, unique within the township.</summary>
    public string? FileNumber { get; init; }
    public string? Title { get; init; }
    public CaseApplicant? Applicant { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
    /// <summary>Assistance categories (低保, 特困 …); the catalog indexes the first, the stage rules follow all.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? Status { get; init; }
    public string? Agency { get; init; }
    public DateOnly? OpenedOn { get; init; }
    public string? RetentionPeriod { get; init; }
    public IReadOnlyList<CaseMember> Members { get; init; } = [];
}
