using System.Text.Json.Serialization;

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
/// <see cref="Passed"/> is null for a check that could not be made here (未检测: e.g. signers with no key register
/// at hand): neither a pass nor a failure, and said so in the report; the JSON writes it as <c>"passed": null</c>.
/// </summary>
public sealed record CheckResult(
    CheckCategory Category, string Item, string ItemName, string Name, string Subject,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? Passed, string Detail)
{
    public CheckResult(Dat70Item item, string name, string subject, bool? passed, string detail)
        : this(item.Category, item.Number, item.Name, name, subject, passed, detail) { }

    /// <summary>
    /// The API key the row is about (a signer's), for programs reading the JSON only: the PDF report and the CLI's
    /// lines name the person and post, never the key. Null (left out of the JSON) for rows about no key.
    /// </summary>
    public string? KeyId { get; init; }

    /// <summary>The check could not be made here (未检测).</summary>
    [JsonIgnore]
    public bool NotChecked => Passed is null;

    /// <summary>通过, 未通过 or 未检测.</summary>
    [JsonIgnore]
    public string ResultName => Passed switch { true => "通过", false => "未通过", null => "未检测" };

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
    /// <summary>No check failed; checks that could not be made (未检测) are not failures, and are listed apart.</summary>
    public bool Passed => Checks.All(c => c.Passed != false);
    public IEnumerable<CheckResult> Failures => Checks.Where(c => c.Passed == false);
    public IEnumerable<CheckResult> NotChecked => Checks.Where(c => c.NotChecked);

    public static string ChineseName(CheckCategory c) => c switch
    {
        CheckCategory.Authenticity => "真实性",
        CheckCategory.Integrity => "完整性",
        CheckCategory.Usability => "可用性",
        _ => "安全性",
    };
}
