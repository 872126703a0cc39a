namespace FormArchive.Archive.Catalog;

/// <summary>One case as the catalog knows it. Holds the masked ID number only, never the number itself.</summary>
public sealed record CatalogEntry
{
    public required string CaseId { get; init; }
    public string Title { get; init; } = "";
    public string ApplicantName { get; init; } = "";
    /// <summary>e.g. 110105********0029.</summary>
    public string IdNumberMasked { get; init; } = "";
    public string Township { get; init; } = "";
    public string Village { get; init; } = "";
    public string Category { get; init; } = "";
    public string Stage { get; init; } = "";
    public CaseStatus Status { get; init; }
    public DateOnly? OpenedOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public DateTimeOffset? SealedAt { get; init; }
    public int Volume { get; init; } = 1;
    public string? SupplementOf { get; init; }
    public int Documents { get; init; }
    public string? FileNumber { get; init; }
    /// <summary>Where the procedure stands (Casework stage name: Accepted, Investigation, Publicity …), or null before any step.</summary>
    public string? CaseStage { get; init; }
    /// <summary>Due date of the next open deadline, or null when none is open.</summary>
    public DateOnly? NextDue { get; init; }
}
