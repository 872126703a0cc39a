namespace FormArchive.Archive.Catalog;

/// <summary>
/// Search criteria; every criterion given must match. Name, township and village match anywhere in the
/// text ("秋浦" finds 秋浦街道); ID number, category and stage match exactly; dates are inclusive.
/// </summary>
public sealed record CatalogQuery
{
    public string? IdNumber { get; init; }
    /// <summary>Part of the applicant's name (<c>name</c> in the search request's JSON).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("name")]
    public string? ApplicantName { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
    public string? Category { get; init; }
    /// <summary>The clerk's own file number, exactly.</summary>
    public string? FileNumber { get; init; }
    public SealState? Status { get; init; }
    /// <summary>The case's own 办理状态 (受理, 审核 …).</summary>
    public string? Stage { get; init; }
    /// <summary>
    /// Where the procedure stands (Casework stage name, e.g. Publicity), exactly; the search endpoint also takes the
    /// stage's label (公示) or its name in any case and passes the exact name on.
    /// </summary>
    public string? CaseStage { get; init; }
    /// <summary>Cases whose next open deadline falls strictly before this day.</summary>
    public DateOnly? DueBefore { get; init; }
    public DateOnly? OpenedFrom { get; init; }
    public DateOnly? OpenedTo { get; init; }
    /// <summary>Sealing dates, counted in China time (UTC+8).</summary>
    public DateOnly? SealedFrom { get; init; }
    public DateOnly? SealedTo { get; init; }
    public int Limit { get; init; } = 100;
}
