using System.CommandLine;
using FormArchive.Archive.Dossier;

namespace FormArchive.Cli.Commands;

/// <summary><c>formarchive dossier CASE --out case.pdf</c>: 案卷封面, 卷内目录 and the stored documents as one PDF.</summary>
internal static class DossierCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var output = new Option<FileInfo>("--out") { Description = "PDF file to write", Required = true };
        var actor = new Option<string>("--actor") { Description = "Who prints (access log)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("dossier", "Assemble a case's dossier PDF: cover, directory, then every stored PDF, with bookmarks") { caseId, output, actor };
        command.SetAction(result => ArchiveCli.Run(async host =>
        {
            var id = result.GetValue(caseId)!;
            var pdf = await DossierBuilder.BuildAsync(host.Archive, id, result.GetValue(actor)!);
            var target = result.GetValue(output)!;
            await OutputFile.WriteAsync(target, s => s.WriteAsync(pdf).AsTask());
            Console.WriteLine($"{id}: dossier written to {target.FullName} ({pdf.Length:N0} bytes)");
            return 0;
        }));
        return command;
    }
}
