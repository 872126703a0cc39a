using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Cli.Commands;

/// <summary><c>formarchive todo --township 秋浦街道 [--date yyyy-MM-dd]</c>: the township's 待办 list (China time).</summary>
internal static class TodoCommand
{
    public static Command Create()
    {
        var township = new Option<string>("--township") { Description = "乡镇（街道）, exactly", Required = true };
        var date = new Option<string?>("--date") { Description = "The day (yyyy-MM-dd, China time; default today)" };
        var json = new Option<bool>("--json") { Description = "Print the list as JSON" };
        var command = new Command("todo", "A township's 待办: overdue, due today, due within 3 working days") { township, date, json };
        command.SetAction(result =>
        {
            DateOnly? day = null;
            if (result.GetValue(date) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return CliErrors.Fail($"--date：“{text}”不是 yyyy-MM-dd 格式的日期。", CliErrors.BadInput);
                day = d;
            }
            return ArchiveCli.Run(async (_, procedure) =>
            {
                var r = await procedure.TodoAsync(result.GetValue(township)!.Trim(), day);
                if (result.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(r, ArchiveJson.Options));
                    return r.Problems.Count == 0 ? 0 : CliErrors.Failure;
                }
                Console.WriteLine($"{r.Township} 待办（{r.Today:yyyy-MM-dd}，北京时间）");
                foreach (var (title, items) in new[] { ("已逾期", r.Overdue), ("今日到期", r.DueToday), ("3个工作日内到期", r.DueWithin3WorkingDays) })
                {
                    Console.WriteLine($"{title}：{items.Count} 项");
                    foreach (var i in items)
                        Console.WriteLine($"  {i.Due:yyyy-MM-dd}  {i.What}  {i.CaseId}  {i.FileNumber}  {i.ApplicantName}  {i.Village}  {i.StageLabel}");
                }
                foreach (var p in r.Problems)
                    Console.Error.WriteLine($"formarchive: error: {p}");
                return r.Problems.Count == 0 ? 0 : CliErrors.Failure;
            });
        });
        return command;
    }
}
