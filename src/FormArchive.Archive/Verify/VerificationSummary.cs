namespace FormArchive.Archive.Verify;

/// <summary>
/// The lines `formarchive verify` prints, in Chinese like the report: one per failed check, then the conclusion
/// with the case's 档号 and the counts.
/// </summary>
public static class VerificationSummary
{
    public static IEnumerable<string> Lines(VerificationReport report)
    {
        foreach (var f in report.Failures)
            yield return $"未通过 {f.CategoryName} {f.Label}：{f.Detail}";
        var code = report.ArchivalCode is { Length: > 0 } c && c != report.CaseId ? $"（档号 {c}）" : "";
        yield return $"{report.CaseId}{code}：四性检测{(report.Passed ? "通过" : "未通过")}"
            + $"（检测 {report.Checks.Count} 项，未通过 {report.Failures.Count()} 项，文件 {report.DocumentCount} 件）";
    }
}
