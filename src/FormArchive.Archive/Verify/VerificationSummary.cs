namespace FormArchive.Archive.Verify;

/// <summary>
/// The lines `formarchive verify` prints, in Chinese like the report: one per failed check, one per check that could
/// not be made (未检测), then the conclusion with the case's 档号 and the counts.
/// </summary>
public static class VerificationSummary
{
    public static IEnumerable<string> Lines(VerificationReport report)
    {
        foreach (var f in report.Failures)
            yield return $"未通过 {f.CategoryName} {f.Label}：{f.Detail}";
        foreach (var n in report.NotChecked)
            yield return $"未检测 {n.CategoryName} {n.Label}：{n.Detail}";
        var code = report.ArchivalCode is { Length: > 0 } c && c != report.CaseId ? $"（档号 {c}）" : "";
        yield return $"{report.CaseId}{code}：四性检测{(report.Passed ? "通过" : "未通过")}"
            + $"（检测 {report.Checks.Count} 项，未通过 {report.Failures.Count()} 项，{NotCheckedCount(report)}文件 {report.DocumentCount} 件）";
    }

    /// <summary>"未检测 1 项，" where some check could not be made; nothing otherwise.</summary>
    private static string NotCheckedCount(VerificationReport report) =>
        report.NotChecked.Count() is var n and > 0 ? $"未检测 {n} 项，" : "";
}
