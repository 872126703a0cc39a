using System.CommandLine;
using System.Text.Json;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Verify;
using FormArchive.Casework.Verification;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive verify CASE [--json report.json] [--pdf report.pdf]</c>: 四性检测; exit 1 on any failed check.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON" };
        var pdf = new Option<FileInfo?>("--pdf") { Description = "Write the report as PDF" };
        var actor = new Option<string>("--actor") { Description = "Who verifies (access log)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("verify", "Check a case's authenticity, integrity, usability and security (DA/T 70-2018)") { caseId, json, pdf, actor };
        command.SetAction(result => ArchiveCli.Run(async (host, procedure) =>
        {
            var id = result.GetValue(caseId)!;
            // An unknown case is one clear line, not a report of failures; a damaged one gets its report all the same.
            try { await host.Archive.GetManifestAsync(id); }
            catch (ArchiveCorruptException) { }
            // The sign-offs against the data folder's key register; with none there, they are reported as not checked.
            var signOffs = new SignOffCheck(host.Archive, ApiKeyStore.ExistingInDataDirectory(), procedure.Settings);
            var report = await new CaseVerifier(host.Archive, extraChecks: [signOffs]).VerifyAsync(id, result.GetValue(actor)!);
            if (result.GetValue(json) is { } j) await File.WriteAllBytesAsync(j.FullName, JsonSerializer.SerializeToUtf8Bytes(report, ArchiveJson.Options));
            if (result.GetValue(pdf) is { } p) await File.WriteAllBytesAsync(p.FullName, VerificationReportPdf.Build(report));
            foreach (var line in VerificationSummary.Lines(report)) Console.WriteLine(line);
            return report.Passed ? 0 : 1;
        }));
        return command;
    }
}
