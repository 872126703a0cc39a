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
    public SealState Status { get; init; }
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
    /// <summary>
    /// 档号 (全宗号-目录号-案卷号) as the cover prints it: the sealed reference for a sealed case, else made from the fonds
    /// settings when the case was last indexed. Null in a catalog from before 档号 until <c>formarchive reindex</c>.
    /// </summary>
    public string? ArchivalCode { get; init; }
}
