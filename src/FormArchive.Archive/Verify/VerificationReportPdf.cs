using FormArchive.Archive.Printing;
using FormArchive.Domain;

namespace FormArchive.Archive.Verify;

/// <summary>
/// The human-readable 四性检测报告 (templates/archive/verification-report.scriban), in Chinese: a summary per property,
/// then every check (检测项目, 检测对象, 检测结果, 说明), failures first, then checks that could not be made (未检测). The
/// template lays it out; this says what it says.
/// </summary>
public static class VerificationReportPdf
{
    public static byte[] Build(VerificationReport report) => Build(report, ArchivePrinter.Default);

    public static byte[] Build(VerificationReport report, ArchivePrinter printer) =>
        printer.Print("verification-report", new
        {
            report.ArchivalCode,
            report.CaseId,
            CheckedAt = report.CheckedAt.ToOffset(ChinaTime.Offset).ToString("yyyy年M月d日 HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            Store = StoreLabel(report.Store),
            report.Sealed,
            report.DocumentCount,
            report.Passed,
            NotChecked = report.NotChecked.Count(),
            Categories = Enum.GetValues<CheckCategory>().Select(cat =>
            {
                var items = report.Checks.Where(c => c.Category == cat).ToList();
                return new
                {
                    Name = VerificationReport.ChineseName(cat), Count = items.Count,
                    Failed = items.Count(c => c.Passed == false), NotChecked = items.Count(c => c.NotChecked),
                };
            }).ToList(),
            Checks = report.Checks.OrderBy(c => c.Passed switch { false => 0, null => 1, true => 2 }).ThenBy(c => c.Item, StringComparer.Ordinal)
                .Select(c => new { c.Item, c.ItemName, c.Name, c.Subject, Failed = c.Passed == false, Result = c.ResultName, c.Detail }).ToList(),
        }, report.CheckedAt).Pdf;

    /// <summary>The store as an archivist reads it: never a local path; for S3 only its bucket.</summary>
    private static string StoreLabel(string store) =>
        store == "local" ? "本地存储" : store.StartsWith("s3:", StringComparison.Ordinal) ? $"对象存储（S3），存储桶 {store[(store.LastIndexOf('/') + 1)..]}" : store;
}
