using FormArchive.Archive.Catalog;

namespace FormArchive.Api.Cases;

/// <summary>A household member: the ingest pipeline matches ID numbers read on scans against these.</summary>
public sealed record MemberDto(string Name, string IdNumber, bool RequiresIdScan = true)
{
    // Records print every property; a logged member must not show the ID number.
    public override string ToString() => $"MemberDto {{ Name = {Name}, IdNumber = {FormArchive.Domain.IdNumberMasking.Mask(IdNumber)} }}";
}

public sealed record ApplicantDto(string Name, string IdNumber)
{
    public override string ToString() => $"ApplicantDto {{ Name = {Name}, IdNumber = {FormArchive.Domain.IdNumberMasking.Mask(IdNumber)} }}";
}

/// <summary>POST /api/cases. The case id is generated when not given; a clerk's township is their key's.</summary>
public sealed record CreateCaseRequest
{
    public string? CaseId { get; init; }
    public string? Title { get; init; }
    public ApplicantDto? Applicant { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
    /// <summary>Assistance categories (低保, 特困 …); the catalog indexes the first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? Status { get; init; }
    public string? Agency { get; init; }
    public DateOnly? OpenedOn { get; init; }
    public string? RetentionPeriod { get; init; }
    public IReadOnlyList<MemberDto> Members { get; init; } = [];
}

/// <summary>POST /api/cases/search: ID numbers go in the body, never in a URL (URLs end up in logs).</summary>
public sealed record SearchRequest
{
    public string? IdNumber { get; init; }
    public string? Name { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
    public string? Category { get; init; }
    public CaseStatus? Status { get; init; }
    public string? Stage { get; init; }
    public DateOnly? OpenedFrom { get; init; }
    public DateOnly? OpenedTo { get; init; }
    public DateOnly? SealedFrom { get; init; }
    public DateOnly? SealedTo { get; init; }
    public int Limit { get; init; } = 100;
}

/// <summary>POST /api/keys.</summary>
public sealed record CreateKeyRequest(string Name, string Role, string? Township);
