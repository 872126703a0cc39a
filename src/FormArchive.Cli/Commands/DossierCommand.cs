using System.CommandLine;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive dossier CASE --out case.pdf</c>: 案卷封面, 卷内目录, the stored documents, the 案卷办理过程 and the
/// 卷内备考表 as one PDF.
/// </summary>
internal static class DossierCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var output = new Option<FileInfo>("--out") { Description = "PDF file to write", Required = true };
        var actor = new Option<string>("--actor") { Description = "Who prints (access log)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("dossier",
            "Assemble a case's dossier PDF: cover, directory, every stored PDF, the recorded steps and the 备考表, with bookmarks")
            { caseId, output, actor };
        command.SetAction(result => ArchiveCli.Run(async (_, procedure) =>
        {
            var id = result.GetValue(caseId)!;
            var pdf = await procedure.DossierAsync(id, result.GetValue(actor)!);
            var target = result.GetValue(output)!;
            await OutputFile.WriteAsync(target, s => s.WriteAsync(pdf).AsTask());
            Console.WriteLine($"{id}: dossier written to {target.FullName} ({pdf.Length:N0} bytes)");
            return 0;
        }));
        return command;
    }
}
