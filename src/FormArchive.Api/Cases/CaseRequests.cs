using FormArchive.Archive.Catalog;

namespace FormArchive.Api.Cases;

/// <summary>POST /api/cases/search: ID numbers go in the body, never in a URL (URLs end up in logs).</summary>
public sealed record SearchRequest
{
    public string? IdNumber { get; init; }
    public string? Name { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
    public string? Category { get; init; }
    public string? FileNumber { get; init; }
    public SealState? Status { get; init; }
    public string? Stage { get; init; }
    /// <summary>Where the procedure stands: a Casework stage name (publicity) or label (公示).</summary>
    public string? CaseStage { get; init; }
    /// <summary>Cases whose next open deadline falls before this day (China time).</summary>
    public DateOnly? DueBefore { get; init; }
    public DateOnly? OpenedFrom { get; init; }
    public DateOnly? OpenedTo { get; init; }
    public DateOnly? SealedFrom { get; init; }
    public DateOnly? SealedTo { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>POST /api/keys.</summary>
public sealed record CreateKeyRequest(string Name, string Role, string? Township);
