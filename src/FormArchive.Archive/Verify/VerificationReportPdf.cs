using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Archive.Verify;

/// <summary>
/// The human-readable 四性检测报告, in Chinese: a summary per property, then a table of every check (检测项目,
/// 检测对象, 检测结果, 说明), failures first. Cells wrap by the embedded fonts' real widths, so nothing overlaps.
/// </summary>
public static class VerificationReportPdf
{
    private const float Size = 9, Line = 12.5f, Pad = 4;
    private static readonly string[] Headers = ["检测项目", "检测对象", "检测结果", "说明"];

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
                     $"档号：{report.ArchivalCode ?? "（无法读取）"}",
                     $"电子文件号：{report.CaseId}",
                     $"检测依据：DA/T 70-2018《文书类电子档案检测一般要求》",
                     $"检测时间：{local:yyyy年M月d日 HH:mm:ss}（北京时间）",
                     $"存储：{StoreLabel(report.Store)}",
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

        float left = PdfText.Margin, right = page.Width - PdfText.Margin;
        float[] widths = [165, 70, 52, right - left - 165 - 70 - 52];
        y = Row(page, Headers, widths, y, bold: true);
        foreach (var c in report.Checks.OrderBy(c => c.Passed).ThenBy(c => c.Item, StringComparer.Ordinal))
        {
            string[] cells = [$"{c.Item} {c.ItemName}：{c.Name}", c.Subject, c.Passed ? "通过" : "未通过", c.Detail];
            if (y + Height(cells, widths) > page.Height - 60)
            {
                page = b.AddPage(PdfText.PageWidth, PdfText.PageHeight);
                y = Row(page, Headers, widths, 60, bold: true);
            }
            y = Row(page, cells, widths, y, bold: !c.Passed);
        }
        return b.ToArray();
    }

    private static List<string>[] Wrapped(string[] cells, float[] widths, bool bold = false) =>
        cells.Select((t, i) => PdfText.Wrap(t, Size, widths[i] - 2 * Pad, FontFamilyKind.Sans, bold).ToList()).ToArray();

    private static float Height(string[] cells, float[] widths) => Wrapped(cells, widths, true).Max(l => l.Count) * Line + 2 * Pad;

    /// <summary>Draws one ruled row with its top at <paramref name="top"/>; returns the next row's top.</summary>
    private static float Row(PdfPageCanvas page, string[] cells, float[] widths, float top, bool bold)
    {
        var lines = Wrapped(cells, widths, bold);
        float height = lines.Max(l => l.Count) * Line + 2 * Pad, x = PdfText.Margin;
        for (int i = 0; i < cells.Length; i++)
        {
            page.StrokeRectangle(x, top, widths[i], height, 0.5f);
            for (int j = 0; j < lines[i].Count; j++)
                page.DrawText(lines[i][j], x + Pad, top + Pad + Size + j * Line - 1.5f, FontFamilyKind.Sans, bold, Size);
            x += widths[i];
        }
        return top + height;
    }

    /// <summary>The store as an archivist reads it: never a local path; for S3 only its bucket.</summary>
    private static string StoreLabel(string store) =>
        store == "local" ? "本地存储" : store.StartsWith("s3:", StringComparison.Ordinal) ? $"对象存储（S3），存储桶 {store[(store.LastIndexOf('/') + 1)..]}" : store;
}
