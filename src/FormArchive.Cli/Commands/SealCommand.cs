using System.CommandLine;

namespace FormArchive.Cli.Commands;

/// <summary><c>formarchive seal CASE --clerk NAME</c>: freezes and signs a case.</summary>
internal static class SealCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "Case id" };
        var clerk = new Option<string>("--clerk") { Description = "Sealing clerk", Required = true };
        var command = new Command("seal", "Seal a case: signed manifest, no further writes, retention") { caseId, clerk };
        command.SetAction(result => ArchiveCli.Run(async host =>
        {
            var seal = await host.Archive.SealAsync(result.GetValue(caseId)!, result.GetValue(clerk)!);
            Console.WriteLine($"{seal.Case.CaseId}: sealed {seal.Case.Documents.Count} document{(seal.Case.Documents.Count == 1 ? "" : "s")}, "
                              + $"manifest {seal.Case.SealedManifestSha256}, key {host.Archive.Signer.KeyId}");
            return 0;
        }));
        return command;
    }
}
