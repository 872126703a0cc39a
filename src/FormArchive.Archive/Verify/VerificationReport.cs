namespace FormArchive.Archive.Verify;

/// <summary>The four properties of DA/T 70-2018 (电子档案四性检测).</summary>
public enum CheckCategory
{
    /// <summary>真实性: hashes and signature match.</summary>
    Authenticity,
    /// <summary>完整性: everything listed is present, nothing extra, sequences continuous.</summary>
    Integrity,
    /// <summary>可用性: each document can be opened.</summary>
    Usability,
    /// <summary>安全性: no active content, access log kept.</summary>
    Security,
}

public sealed record CheckResult(CheckCategory Category, string Name, bool Passed, string Detail);

/// <summary>What <c>formarchive verify</c> prints and writes as JSON and PDF.</summary>
public sealed record VerificationReport
{
    public required string CaseId { get; init; }
    public required DateTimeOffset CheckedAt { get; init; }
    public required string Store { get; init; }
    public bool Sealed { get; init; }
    public int DocumentCount { get; init; }
    public required IReadOnlyList<CheckResult> Checks { get; init; }
    public bool Passed => Checks.All(c => c.Passed);
    public IEnumerable<CheckResult> Failures => Checks.Where(c => !c.Passed);

    public static string ChineseName(CheckCategory c) => c switch
    {
        CheckCategory.Authenticity => "真实性",
        CheckCategory.Integrity => "完整性",
        CheckCategory.Usability => "可用性",
        _ => "安全性",
    };
}
