using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Cli.Commands;

/// <summary><c>formarchive review-list --township 秋浦街道 --month 2025-01</c>: the township's monthly 定期复核名单.</summary>
internal static class ReviewListCommand
{
    public static Command Create()
    {
        var township = new Option<string>("--township") { Description = "乡镇（街道）, exactly", Required = true };
        var month = new Option<string?>("--month") { Description = "The month (yyyy-MM; default this month, China time)" };
        var json = new Option<bool>("--json") { Description = "Print the list as JSON" };
        var command = new Command("review-list", "A township's 定期复核名单 for a month (households due for periodic review)") { township, month, json };
        command.SetAction(result =>
        {
            var first = new DateOnly(ChinaTime.Today().Year, ChinaTime.Today().Month, 1);
            if (result.GetValue(month) is { } text
                && !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
                return CliErrors.Fail($"--month：“{text}”不是 yyyy-MM 格式的月份。", CliErrors.BadInput);
            return ArchiveCli.Run(async (_, procedure) =>
            {
                var r = await procedure.ReviewListAsync(result.GetValue(township)!.Trim(), first);
                if (result.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(r, ArchiveJson.Options));
                    return r.Problems.Count == 0 ? 0 : CliErrors.Failure;
                }
                Console.WriteLine($"{r.Township} {r.Month:yyyy年M月} 定期复核名单：{r.Entries.Count} 户");
                foreach (var e in r.Entries)
                    Console.WriteLine($"  {e.Due:yyyy-MM-dd}{(e.Overdue ? "（已逾期）" : "")}  {e.CaseId}  {e.FileNumber}  {e.ApplicantName}  {e.Village}  "
                                      + $"{string.Join("、", e.Categories)}  上次核查 {e.LastChecked:yyyy-MM-dd}");
                foreach (var p in r.Problems)
                    Console.Error.WriteLine($"formarchive: error: {p}");
                return r.Problems.Count == 0 ? 0 : CliErrors.Failure;
            });
        });
        return command;
    }
}
