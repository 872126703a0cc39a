using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FormArchive.Casework;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using ArchiveJson = FormArchive.Archive.Cases.ArchiveJson;
using StageRefusedAfterFilingException = FormArchive.Archive.Cases.StageRefusedAfterFilingException;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive case open application.json --township 秋浦街道 --clerk 王五</c> opens a case (id issued, case data filed
/// with it); <c>formarchive case event CASE --kind 入户调查 --date 2024-02-09 --actor 张三 --staff 李四 --clerk 王五</c> records a step
/// of the procedure; <c>formarchive case progress CASE</c> shows stage, deadlines and timeline (China time).
/// All go through Casework, as the service does.
/// </summary>
internal static class CaseCommand
{
    public static Command Create() =>
        new("case", "A case: open it, record a step of its procedure, show its progress, save and show its data, file its 核对 result")
        { Open(), Event(), Progress(), CaseRecordCommand.Create(), VerificationResultCommand.Create() };

    private static Command Open()
    {
        var file = new Argument<FileInfo>("application")
        {
            Description = "JSON file of the application, as POST /api/cases takes it (applicant, categories, members …)",
        };
        var township = new Option<string>("--township") { Description = "The township (乡镇/街道) the case belongs to", Required = true };
        var clerk = new Option<string>("--clerk") { Description = "Who opens the case (the archive log's actor)", Required = true };
        var command = new Command("open", "Open a case: prints its id; refused (exit 2, one line naming every field at fault) if the application is incomplete")
            { file, township, clerk };
        command.SetAction(result =>
        {
            var f = result.GetValue(file)!;
            if (!f.Exists) return CliErrors.Fail($"{f.Name}: file not found", CliErrors.BadInput);
            CaseApplication application;
            try { application = ArchiveJson.Read<CaseApplication>(File.ReadAllBytes(f.FullName), f.Name); }
            catch (Exception e) when (e is JsonException or FormArchive.Archive.Cases.ArchiveCorruptException)
            {
                return CliErrors.Fail($"{f.Name} is not a JSON application: {e.Message}".ReplaceLineEndings(" "), CliErrors.BadInput);
            }
            var town = result.GetValue(township)!.Trim();
            if (!string.IsNullOrWhiteSpace(application.Township) && application.Township.Trim() != town)
                return CliErrors.Fail($"$.township: the application is for {application.Township.Trim()}, not --township {town}", CliErrors.BadInput);
            return ArchiveCli.Run(async host =>
            {
                try
                {
                    var m = await CaseOpening.OpenAsync(host.Archive, application, town, result.GetValue(clerk)!);
                    Console.WriteLine(m.CaseId);
                    return 0;
                }
                catch (CaseApplicationException e)
                {
                    return CliErrors.Fail(string.Join("; ", e.Problems.Select(x => $"{x.Path}: {x.Message}")), CliErrors.BadInput);
                }
                catch (FileNumberInUseException e)
                {
                    return CliErrors.Fail(e.Message, CliErrors.Failure);
                }
            });
        });
        return command;
    }

    private static Command Event()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var kind = new Option<string>("--kind") { Description = $"The step: {CaseEventKinds.Choices()}", Required = true };
        var at = new Option<string?>("--at") { Description = "When, with offset (2024-02-09T10:00:00+08:00)" };
        var date = new Option<string?>("--date") { Description = "When, as a China-time day (yyyy-MM-dd; 12:00 that day, now if today)" };
        var actor = new Option<string?>("--actor") { Description = "Who did the step (default: --clerk)" };
        var staff = new Option<string[]>("--staff") { Description = "Others present (入户调查 needs 2 or more in all)", AllowMultipleArgumentsPerToken = true };
        var supply = new Option<string[]>("--supply")
        {
            Description = "For 退回补正: an item the township is to supply (repeat for each)", AllowMultipleArgumentsPerToken = true,
        };
        var outcome = new Option<string?>("--outcome") { Description = "批准 (approved) or 不予批准 (rejected)" };
        var reason = new Option<string?>("--reason") { Description = "Why (required for 延期)" };
        var note = new Option<string?>("--note") { Description = "Free text" };
        var documents = new Option<int[]>("--document")
        {
            Description = "件号 of a document of the case filed for the step, e.g. the form printed at it (repeatable)", AllowMultipleArgumentsPerToken = true,
        };
        var printForm = new Option<string?>("--print-form")
        {
            Description = "A form to print at the step from the case's newest saved case data (its dates from the steps, this one included), "
                + "file in the case and name in the step; only a form the step may print (e.g. chizhou.review-publicity at 公示)",
        };
        var templates = CatalogOption.Create();
        var clerk = new Option<string>("--clerk") { Description = "Who records it (the archive log's actor)", Required = true };
        var terms = new ApprovalTermsOptions();
        var command = new Command("event", "Record a step of the procedure, optionally printing and filing a form at it; refused (exit 1 or 2, one line) "
            + $"if the procedure does not allow it. Signed by the person whose key {CliSigner.Variable} holds, if set")
            { caseId, kind, at, date, actor, staff, supply, outcome, reason, note, documents, printForm, templates, clerk };
        terms.AddTo(command);
        command.SetAction(result =>
        {
            DateTimeOffset? when = null;
            if (result.GetValue(at) is { } atText)
            {
                if (!DateTimeOffset.TryParseExact(atText, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                    return CliErrors.Fail($"--at：“{atText}”不是带时区的时间（如 2024-02-09T10:00:00+08:00）。", CliErrors.BadInput);
                when = instant;
            }
            DateOnly? day = null;
            if (result.GetValue(date) is { } dateText)
            {
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return CliErrors.Fail($"--date：“{dateText}”不是 yyyy-MM-dd 格式的日期。", CliErrors.BadInput);
                day = d;
            }
            var recorder = result.GetValue(clerk)!;
            // The API's rule (Casework's): trimmed, capped, the same messages.
            var step = new CaseStepRequest
            {
                Kind = result.GetValue(kind), At = when, Date = day, Actor = result.GetValue(actor), Outcome = result.GetValue(outcome),
                Reason = result.GetValue(reason), Note = result.GetValue(note), Staff = result.GetValue(staff), Documents = result.GetValue(documents),
                Supply = result.GetValue(supply), Terms = terms.Read(result),
            };
            if (step.ToEvent(recorder, DateTimeOffset.UtcNow, out var refusal) is not { } unsigned) return CliErrors.Fail(refusal!, CliErrors.BadInput);
            Signer? signer;
            try { signer = CliSigner.FromEnvironment(CaseworkSettings.FromEnvironment().Counties); }
            catch (ArgumentException x) { return CliErrors.Fail(x.Message, CliErrors.BadInput); }
            var e = unsigned with { SignedBy = signer };
            var k = e.Kind;
            if (result.GetValue(printForm) is { } formId)
            {
                var printer = CatalogOption.Printer(result.GetValue(templates));
                if (!printer.Catalog.TryGet(formId.Trim(), out var form))
                    return CliErrors.Fail($"--print-form：没有编号为“{formId}”的表格（formarchive forms 列出全部表格）。", CliErrors.BadInput);
                if (!StageForms.Allows(k, form.Metadata.Id))
                    return CliErrors.Fail(StageForms.Refusal(k, form.Metadata.Id, form.Metadata.Title), CliErrors.BadInput);
                return ArchiveCli.Run(async (_, procedure) =>
                {
                    StepFormFiled done;
                    try { done = await procedure.RecordWithFormAsync(result.GetValue(caseId)!.Trim(), e, form, printer, recorder); }
                    catch (StageRefusedAfterFilingException x) { return CliErrors.Fail(x.Message, CliErrors.Failure); }
                    var report = done.Progress;
                    Console.WriteLine($"{report.CaseId}: 已记录“{k.Label()}”（{e.Date:yyyy-MM-dd}），打印的表格已归档为 {done.Volume} 第 {done.Form.No} 件“{done.Form.Title}”，"
                                      + $"现处于“{report.StageLabel}”阶段");
                    return 0;
                });
            }
            return ArchiveCli.Run(async (_, procedure) =>
            {
                var report = await procedure.RecordAsync(result.GetValue(caseId)!, e, recorder);
                Console.WriteLine($"{report.CaseId}: 已记录“{k.Label()}”（{e.Date:yyyy-MM-dd}），现处于“{report.StageLabel}”阶段"
                                  + (report.Deadlines.FirstOrDefault(d => d.Open) is { } next ? $"，下一期限：{next.What} {next.Due:yyyy-MM-dd}" : ""));
                return 0;
            });
        });
        return command;
    }

    private static Command Progress()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var json = new Option<bool>("--json") { Description = "Print the progress as JSON" };
        var command = new Command("progress", "Show a case's stage, deadlines with legal basis, warnings and timeline (China time)") { caseId, json };
        command.SetAction(result => ArchiveCli.Run(async (_, procedure) =>
        {
            var r = await procedure.ProgressAsync(result.GetValue(caseId)!);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(r, ArchiveJson.Options));
                return 0;
            }
            Console.WriteLine($"{r.CaseId}  {r.Township}  {r.Category}  阶段：{r.StageLabel ?? "未受理"}{(r.Sealed ? "（已封存）" : "")}"
                              + $"  （日期为北京时间，今天 {r.Today:yyyy-MM-dd}）");
            foreach (var d in r.Deadlines)
                Console.WriteLine($"  期限  {d.Due:yyyy-MM-dd}  {d.What}  "
                                  + (d.DoneOn is { } done ? $"已于 {done:yyyy-MM-dd} 完成{(d.WasLate ? "（逾期）" : "")}" : d.Overdue ? "已逾期" : "未完成")
                                  + $"  {d.Basis}");
            foreach (var w in r.Warnings)
                Console.WriteLine($"  提示  {w}");
            foreach (var t in r.Timeline)
                Console.WriteLine($"  {t.Date:yyyy-MM-dd} {t.Time:HH\\:mm}  {t.What}{(t.Outcome is { } o ? $"（{o}）" : "")}  {t.Actor}"
                                  + (t.Reason is { } why ? $"  理由：{why}" : "")
                                  + (t.Documents.Count > 0 ? $"  附件：{t.Volume} 第 {string.Join("、", t.Documents)} 件" : ""));
            return 0;
        }));
        return command;
    }
}
