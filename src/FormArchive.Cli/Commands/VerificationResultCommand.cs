using System.CommandLine;
using FormArchive.Archive.Verify;
using FormArchive.Casework.EconomicVerification;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive case verification-result CASE --pdf report.pdf --data result.json --agency 贵池区居民家庭经济状况核对中心 --clerk 王五</c>:
/// files a 家庭经济状况核对 result (the report and its data) as the service files what the 核对机构 posts, through Casework's
/// <see cref="VerificationFiling"/>. The PDF is screened first (PDF from byte 0, the pixel budget, active content as qpdf parses it).
/// </summary>
internal static class VerificationResultCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var pdf = new Option<FileInfo>("--pdf") { Description = "The 核对报告 (PDF) as the 核对机构 issued it", Required = true };
        var data = new Option<FileInfo>("--data") { Description = "Its data (JSON; fields as docs/verification-result.md lists them)", Required = true };
        var agency = new Option<string>("--agency") { Description = "The 核对机构 that issued it (the documents' 责任者)", Required = true };
        var clerk = new Option<string>("--clerk") { Description = "Who files it (the archive log's actor)", Required = true };
        var command = new Command("verification-result",
            "File a case's 家庭经济状况核对 result (report PDF and its data); the same result again files nothing; "
            + "refused (exit 2, one line) if the PDF or the data is")
            { caseId, pdf, data, agency, clerk };
        command.SetAction(result =>
        {
            var (report, json) = (result.GetValue(pdf)!, result.GetValue(data)!);
            foreach (var f in new[] { report, json })
                if (!f.Exists) return CliErrors.Fail($"{f.Name}：找不到文件", CliErrors.BadInput);
            var content = File.ReadAllBytes(report.FullName);
            if (Refusal(content) is { } refused) return CliErrors.Fail($"{report.Name}：{refused}；未归档", CliErrors.BadInput);
            var text = File.ReadAllText(json.FullName);
            return ArchiveCli.Run(async host =>
            {
                var m = await host.Archive.GetManifestAsync(result.GetValue(caseId)!);
                FiledVerification filed;
                try
                {
                    filed = await VerificationFiling.FileAsync(host.Archive, m, new VerificationToFile(result.GetValue(agency)!, report.Name, content, text),
                        result.GetValue(clerk)!);
                }
                catch (VerificationDataException e)
                {
                    return CliErrors.Fail($"{json.Name}：{string.Join("；", e.Problems.Select(p => $"{p.Field}：{p.Message.TrimEnd('。')}"))}", CliErrors.BadInput);
                }
                Console.WriteLine(filed.AlreadyFiled
                    ? $"{filed.Volume}: 该核对结果已归档为第 {filed.Data.No} 件，未另存"
                    : $"{filed.Volume}: 已归档家庭经济状况核对结果：第 {filed.Report?.No} 件“{VerificationFiling.ReportTitle}”，第 {filed.Data.No} 件（结构化数据）");
                return 0;
            });
        });
        return command;
    }

    /// <summary>Why the report may not be filed, or null: the service's screen of an upload, on a PDF.</summary>
    private static string? Refusal(byte[] content)
    {
        if (!content.AsSpan().StartsWith("%PDF-"u8)) return "不是 PDF 文件（文件不以 %PDF- 开头）";
        if (new DecodeLimits().Problem(content) is { } tooLarge) return tooLarge;
        var screen = PdfScreen.Inspect(content);
        if (!screen.Parsed) return "PDF 无法解析，文件可能已损坏";
        return screen.Active.Count > 0 ? $"不接收含有可执行或嵌入内容（{string.Join("、", screen.Active)}）的 PDF" : null;
    }
}
