using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Archive.Verify;

/// <summary>The human-readable 四性检测报告: a summary per property, then every check, failures first.</summary>
public static class VerificationReportPdf
{
    public static byte[] Build(VerificationReport report)
    {
        var b = new PdfDocumentBuilder(new PdfMetadata($"电子档案四性检测报告 {report.CaseId}", Subject: "DA/T 70-2018", Created: report.CheckedAt));
        var page = b.AddPage(PdfText.PageWidth, PdfText.PageHeight);
        float y = 80;
        PdfText.Centered(page, "电子档案四性检测报告", y, 20, bold: true);
        y += 36;
        var local = report.CheckedAt.ToOffset(TimeSpan.FromHours(8));
        foreach (var line in new[]
                 {
                     $"案卷号：{report.CaseId}",
                     $"检测时间：{local:yyyy年M月d日 HH:mm:ss}（北京时间）",
                     $"存储：{report.Store}",
                     $"状态：{(report.Sealed ? "已封存" : "未封存")}，文件 {report.DocumentCount} 件",
                     $"结论：{(report.Passed ? "通过" : "未通过")}",
                 })
        {
            page.DrawText(line, PdfText.Margin, y, FontFamilyKind.Serif, line.StartsWith("结论", StringComparison.Ordinal), 11);
            y += 18;
        }
        y += 6;
        foreach (var cat in Enum.GetValues<CheckCategory>())
        {
            var items = report.Checks.Where(c => c.Category == cat).ToList();
            int failed = items.Count(c => !c.Passed);
            page.DrawText($"{VerificationReport.ChineseName(cat)}：{items.Count} 项检测，{(failed == 0 ? "全部通过" : $"{failed} 项未通过")}",
                PdfText.Margin, y, FontFamilyKind.Sans, failed > 0, 11);
            y += 18;
        }
        y += 10;
        page.DrawLine(PdfText.Margin, y, page.Width - PdfText.Margin, y, 0.6f);
        y += 20;
        float detailX = PdfText.Margin + 200, detailWidth = page.Width - PdfText.Margin - detailX;
        foreach (var c in report.Checks.OrderBy(c => c.Passed).ThenBy(c => c.Category))
        {
            var lines = PdfText.Wrap(c.Detail, 9, detailWidth).ToList();
            if (y + 13 * lines.Count > page.Height - 60)
            {
                page = b.AddPage(PdfText.PageWidth, PdfText.PageHeight);
                y = 70;
            }
            page.DrawText($"{(c.Passed ? "通过" : "未通过")}  {VerificationReport.ChineseName(c.Category)}", PdfText.Margin, y, FontFamilyKind.Sans, !c.Passed, 9);
            page.DrawText(c.Name, PdfText.Margin + 90, y, FontFamilyKind.Sans, false, 9);
            foreach (var line in lines)
            {
                page.DrawText(line, detailX, y, FontFamilyKind.Serif, false, 9);
                y += 13;
            }
            y += 3;
        }
        return b.ToArray();
    }
}
