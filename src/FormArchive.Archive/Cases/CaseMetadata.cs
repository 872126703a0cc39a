using FormArchive.Domain;

namespace FormArchive.Archive.Cases;

/// <summary>
/// What the catalog and the 案卷封面 need to know about a case. Holds personal data: <see cref="ToString"/>
/// masks the ID number so that a logged record never shows it.
/// </summary>
public sealed record CaseMetadata
{
    public required string CaseId { get; init; }
    /// <summary>The clerk's own file number (本单位案卷号): searchable, unique within the township; never the case id.</summary>
    public string? FileNumber { get; init; }
    /// <summary>案卷题名, e.g. "张三 最低生活保障审核确认".</summary>
    public string Title { get; init; } = "";
    public string ApplicantName { get; init; } = "";
    public string IdNumber { get; init; } = "";
    /// <summary>乡镇（街道）.</summary>
    public string Township { get; init; } = "";
    /// <summary>村（社区）.</summary>
    public string Village { get; init; } = "";
    /// <summary>Assistance category code or name (低保, 特困 …).</summary>
    public string Category { get; init; } = "";
    /// <summary>Case status, e.g. 受理, 审核, 确认, 办结.</summary>
    public string Status { get; init; } = "";
    /// <summary>立卷单位.</summary>
    public string Agency { get; init; } = "";
    public DateOnly? OpenedOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
    /// <summary>保管期限, e.g. 永久, 30年.</summary>
    public string RetentionPeriod { get; init; } = "30年";
    /// <summary>The sealed case this 补充卷 corrects, or null for a first volume.</summary>
    public string? SupplementOf { get; init; }
    /// <summary>Volume number: 1 for the case itself, 2… for its 补充卷.</summary>
    public int Volume { get; init; } = 1;

    public override string ToString() =>
        $"CaseMetadata {{ CaseId = {CaseId}, IdNumber = {IdNumberMasking.Mask(IdNumber)}, Township = {Township}, Category = {Category}, "
        + $"Status = {Status}, Volume = {Volume} }}";
}
