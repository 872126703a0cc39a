using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Records;
using FormArchive.Templates;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive case record save CASE data.json --clerk 王五</c> saves the case's full data (templates/case.schema.json)
/// as its next version; <c>formarchive case record show CASE [--version N]</c> prints a version (the newest by default;
/// a draft from the opening data while none is saved) as JSON, which <c>save</c> takes back. Through Casework, as the service.
/// </summary>
internal static class CaseRecordCommand
{
    private static readonly JsonSerializerOptions Printed = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create() => new("record", "The case's full data in versions: save a new version, show one") { Save(), Show() };

    private static Command Save()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var file = new Argument<FileInfo>("data") { Description = "JSON file of the case data, as PUT /api/cases/{caseId}/record takes it" };
        var clerk = new Option<string>("--clerk") { Description = "Who saves it (the archive log's actor)", Required = true };
        var templates = CatalogOption.Create();
        var command = new Command("save",
            "Save the case data as a new version (nothing filed if it equals the newest); refused (exit 2, one line) if the data is invalid")
            { caseId, file, clerk, templates };
        command.SetAction(result =>
        {
            var f = result.GetValue(file)!;
            if (!f.Exists) return CliErrors.Fail($"{f.Name}：找不到文件", CliErrors.BadInput);
            var json = File.ReadAllText(f.FullName);
            return ArchiveCli.Run(async (host, procedure) =>
            {
                var id = result.GetValue(caseId)!;
                try
                {
                    var saved = await new CaseRecordSaving(new CaseSchema(CatalogOption.Load(result.GetValue(templates))), new FormRenderer(), procedure)
                        .SaveAsync(host.Archive, id, json, result.GetValue(clerk)!);
                    Console.WriteLine(saved.Unchanged
                        ? $"{saved.CaseId}: 与案件数据第 {saved.Version} 版相同，未另存"
                        : $"{saved.CaseId}: 已保存为案件数据第 {saved.Version} 版（第 {saved.DocumentNo} 件）");
                    return 0;
                }
                catch (CaseRecordInvalidException e)
                {
                    return CliErrors.Fail($"{f.Name}：{e.Message}".ReplaceLineEndings(" "), CliErrors.BadInput);
                }
                catch (CaseSealedException)
                {
                    return CliErrors.Fail($"案件 {id} 已封存，不能再保存案件数据", CliErrors.Failure);
                }
            });
        });
        return command;
    }

    private static Command Show()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var version = new Option<int?>("--version") { Description = "The version (from 1; default the newest)" };
        var command = new Command("show", "Print a version of the case data as JSON (the newest by default; a draft from the opening data while none is saved)")
            { caseId, version };
        command.SetAction(result => ArchiveCli.Run(async host =>
        {
            var m = await host.Archive.GetManifestAsync(result.GetValue(caseId)!);
            var versions = CaseRecordVersions.List(m);
            var n = result.GetValue(version);
            if (n is { } asked && (asked < 1 || asked > versions.Count))
                return CliErrors.Fail($"案件数据没有第 {asked} 版（共 {versions.Count} 版）", CliErrors.BadInput);
            var data = n is { } v ? await CaseRecordVersions.ReadAsync(host.Archive, m, versions[v - 1], default)
                : versions.Count > 0 ? await CaseRecordVersions.ReadAsync(host.Archive, m, versions[^1], default)
                : await CaseRecordVersions.DraftAsync(host.Archive, m, default);
            Console.WriteLine(data!.ToJsonString(Printed));
            return 0;
        }));
        return command;
    }
}
