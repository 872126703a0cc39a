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

/// <summary>
/// POST /api/cases. The case id is issued by the server (a caller may not choose one: ids would reveal other
/// townships' cases and let a caller take a 补充卷's id); the clerk's own number goes in <see cref="FileNumber"/>.
/// A clerk's township is their key's.
/// </summary>
public sealed record CreateCaseRequest
{
    /// <summary>Refused in requests; set by the server in the stored case data.</summary>
    public string? CaseId { get; init; }
    /// <summary>The clerk's own file number (本单位案卷号): searchable, unique within the township.</summary>
    public string? FileNumber { get; init; }
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
    public string? FileNumber { get; init; }
    public CaseStatus? Status { get; init; }
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
