using System.CommandLine;
using FormArchive.Archive.Export;

namespace FormArchive.Cli.Commands;

/// <summary><c>formarchive export CASE --out case.zip</c>: the sealed case as one ZIP (objects, manifest JSON/XML, signature).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "Case id (must be sealed)" };
        var output = new Option<FileInfo>("--out") { Description = "ZIP file to write", Required = true };
        var actor = new Option<string>("--actor") { Description = "Who exports (access log)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("export", "Write a sealed case's export package (ZIP: objects, manifest JSON + DA/T 48 XML, signature, public key)")
            { caseId, output, actor };
        command.SetAction(result => ArchiveCli.Run(async host =>
        {
            var id = result.GetValue(caseId)!;
            var target = result.GetValue(output)!;
            var written = await OutputFile.WriteAsync(target, s => ExportPackage.WriteAsync(host.Archive, id, s, result.GetValue(actor)!));
            Console.WriteLine($"{id}: exported to {target.FullName} ({written:N0} bytes)");
            return 0;
        }));
        return command;
    }
}
