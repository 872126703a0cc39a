using System.CommandLine;
using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using CaseStage = FormArchive.Casework.CaseStage;
using CaseStageLabels = FormArchive.Casework.CaseStageLabels;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive search [--id-number N] [--name …] [--township …] [--village …] [--category …] [--status open|sealed] …</c>:
/// finds cases in the catalog index. ID numbers are shown masked.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var idNumber = new Option<string?>("--id-number") { Description = "Applicant's ID number (exact; shown masked)" };
        var name = new Option<string?>("--name") { Description = "Applicant name (or part of it)" };
        var township = new Option<string?>("--township") { Description = "乡镇（街道） (or part of it)" };
        var village = new Option<string?>("--village") { Description = "村（社区） (or part of it)" };
        var fileNumber = new Option<string?>("--file-number") { Description = "The clerk's own file number (本单位案卷号), exactly" };
        var category = new Option<string?>("--category") { Description = "Assistance category, exactly (低保, 特困 …)" };
        var status = new Option<SealState?>("--status") { Description = "open or sealed" };
        var stage = new Option<string?>("--stage") { Description = "The case's 办理状态, exactly (受理, 审核 …)" };
        var caseStage = new Option<string?>("--case-stage")
        {
            Description = "Where the procedure stands: 受理, 公示 … (or accepted, publicity …; invalid: steps that do not replay)",
        };
        var dueBefore = new Option<DateOnly?>("--due-before") { Description = "Next deadline before this day (yyyy-MM-dd, China time)" };
        var openedFrom = new Option<DateOnly?>("--opened-from") { Description = "Opened on or after (yyyy-MM-dd)" };
        var openedTo = new Option<DateOnly?>("--opened-to") { Description = "Opened on or before (yyyy-MM-dd)" };
        var sealedFrom = new Option<DateOnly?>("--sealed-from") { Description = "Sealed on or after (yyyy-MM-dd, China time)" };
        var sealedTo = new Option<DateOnly?>("--sealed-to") { Description = "Sealed on or before (yyyy-MM-dd, China time)" };
        var limit = new Option<int>("--limit") { Description = "At most this many cases", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print the matches as JSON" };
        var command = new Command("search", "Find cases in the catalog index")
        {
            idNumber, name, township, village, fileNumber, category, status, stage, caseStage, dueBefore, openedFrom, openedTo, sealedFrom, sealedTo,
            limit, json,
        };
        command.SetAction(result => ArchiveCli.Run(host =>
        {
            string? stageName = null;
            if (result.GetValue(caseStage) is { Length: > 0 } asked)
            {
                stageName = string.Equals(asked.Trim(), CaseProcedure.InvalidStage, StringComparison.OrdinalIgnoreCase)
                    ? CaseProcedure.InvalidStage
                    : CaseStageLabels.Parse(asked)?.ToString()
                        ?? throw new ArgumentException(
                            $"--case-stage：未知的办理阶段“{asked}”，应为 {string.Join("、", Enum.GetValues<CaseStage>().Select(s => CaseStageLabels.Label(s)))}。");
            }
            var found = host.Catalog.Search(new CatalogQuery
            {
                CaseStage = stageName,
                DueBefore = result.GetValue(dueBefore),
                IdNumber = result.GetValue(idNumber),
                ApplicantName = result.GetValue(name),
                Township = result.GetValue(township),
                Village = result.GetValue(village),
                Category = result.GetValue(category),
                FileNumber = result.GetValue(fileNumber),
                Status = result.GetValue(status),
                Stage = result.GetValue(stage),
                OpenedFrom = result.GetValue(openedFrom),
                OpenedTo = result.GetValue(openedTo),
                SealedFrom = result.GetValue(sealedFrom),
                SealedTo = result.GetValue(sealedTo),
                Limit = result.GetValue(limit),
            });
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(found, ArchiveJson.Options));
                return Task.FromResult(0);
            }
            foreach (var e in found)
                Console.WriteLine(string.Join('\t', e.CaseId, e.ArchivalCode ?? "", e.Status == SealState.Sealed ? "sealed" : "open", e.ApplicantName,
                    e.IdNumberMasked,
                    $"{e.Township} {e.Village}".Trim(), e.Category, e.Stage, e.OpenedOn?.ToString("yyyy-MM-dd") ?? "",
                    e.SealedAt?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd") ?? "", e.Documents == 1 ? "1 doc" : $"{e.Documents} docs",
                    e.CaseStage is { } cs ? (CaseStageLabels.Parse(cs) is { } st ? CaseStageLabels.Label(st) : cs) : "",
                    e.NextDue?.ToString("yyyy-MM-dd") ?? ""));
            Console.WriteLine($"{found.Count} case{(found.Count == 1 ? "" : "s")} found");
            return Task.FromResult(0);
        }));
        return command;
    }
}
