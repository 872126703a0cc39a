using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive county queue --county 云阳县 [--township 巴阳镇] [--category 低保] [--date yyyy-MM-dd] [--json]</c>: the
/// county desk's queue of submitted cases, oldest deadline first. The county's steps are recorded with
/// <c>formarchive case event</c>, signed by the county clerk's key (FORMARCHIVE_KEY).
/// </summary>
internal static class CountyCommand
{
    public static Command Create() => new("county", "The county desk: the queue of cases its townships have submitted") { Queue() };

    private static Command Queue()
    {
        var county = new Option<string>("--county") { Description = "县（区）, as configured (FORMARCHIVE_COUNTIES)", Required = true };
        var township = new Option<string?>("--township") { Description = "Only this township's cases" };
        var category = new Option<string?>("--category") { Description = "Only cases of this category (低保, 特困, 临时救助 …)" };
        var date = new Option<string?>("--date") { Description = "The day (yyyy-MM-dd, China time; default today)" };
        var json = new Option<bool>("--json") { Description = "Print the queue as JSON" };
        var command = new Command("queue",
            "Submitted cases awaiting the county's decision or its 负责人's countersign; overdue and due within 3 working days marked")
            { county, township, category, date, json };
        command.SetAction(result =>
        {
            DateOnly? day = null;
            if (result.GetValue(date) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return CliErrors.Fail($"--date：“{text}”不是 yyyy-MM-dd 格式的日期。", CliErrors.BadInput);
                day = d;
            }
            AssistanceCategory? wanted = null;
            if (result.GetValue(category) is { } c)
            {
                if (!AssistanceCategory.TryParse(c, out var parsed))
                    return CliErrors.Fail($"--category：“{c}”应为 {string.Join("、", AssistanceCategory.All.Select(x => x.Name))} 之一。", CliErrors.BadInput);
                wanted = parsed;
            }
            return ArchiveCli.Run(async (_, procedure) =>
            {
                if (procedure.Settings.Counties.Named(result.GetValue(county)) is not { } k)
                    return CliErrors.Fail($"--county：没有设置“{result.GetValue(county)}”（FORMARCHIVE_COUNTIES）。", CliErrors.BadInput);
                var t = result.GetValue(township);
                if (t is not null && !k.Holds(t))
                    return CliErrors.Fail($"--township：“{t}”不是{k.Name}所辖的乡镇（街道）。", CliErrors.BadInput);
                var r = await procedure.CountyQueueAsync(k, t, wanted, day);
                if (result.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(r, ArchiveJson.Options));
                    return r.Problems.Count == 0 ? 0 : CliErrors.Failure;
                }
                Console.WriteLine($"{r.Bureau} 待审批（{r.Today:yyyy-MM-dd}，北京时间）：{r.Lines.Count} 件");
                foreach (var l in r.Lines)
                {
                    var mark = l.Overdue ? "已逾期" : l.DueSoon ? "3个工作日内到期" : "";
                    Console.WriteLine($"  {l.Due:yyyy-MM-dd} {mark,-8} {l.CaseId}  {l.Township}  {l.ApplicantName}  {string.Join("、", l.Categories)}  "
                        + $"报送 {l.Submitted:yyyy-MM-dd}  待{l.Awaiting}");
                }
                foreach (var p in r.Problems)
                    Console.Error.WriteLine($"formarchive: error: {p}");
                return r.Problems.Count == 0 ? 0 : CliErrors.Failure;
            });
        });
        return command;
    }
}
