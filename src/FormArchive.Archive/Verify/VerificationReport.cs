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

/// <summary>
/// One row of the report: the DA/T 70 item (<see cref="Item"/> number and <see cref="ItemName"/>), what was
/// checked (<see cref="Name"/>), on what (<see cref="Subject"/>, 检测对象), and why it passed or failed (说明).
/// </summary>
public sealed record CheckResult(CheckCategory Category, string Item, string ItemName, string Name, string Subject, bool Passed, string Detail)
{
    public CheckResult(Dat70Item item, string name, string subject, bool passed, string detail)
        : this(item.Category, item.Number, item.Name, name, subject, passed, detail) { }

    /// <summary>真实性, 完整性, 可用性 or 安全性.</summary>
    public string CategoryName => VerificationReport.ChineseName(Category);

    /// <summary>How the CLI and the PDF name the row: "2.2 电子档案元数据完整性检测 · 件号连续（卷内文件）".</summary>
    public string Label => $"{Item} {ItemName} · {Name}（{Subject}）";
}

/// <summary>What <c>formarchive verify</c> prints and writes as JSON and PDF.</summary>
public sealed record VerificationReport
{
    public required string CaseId { get; init; }
    /// <summary>档号 (全宗号-目录号-案卷号) as the 案卷封面 prints it; null when the event log could not be read.</summary>
    public string? ArchivalCode { get; init; }
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
