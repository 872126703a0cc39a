using System.CommandLine;
using FormArchive.Archive.Cases;

namespace FormArchive.Cli.Commands;

/// <summary>
/// <c>formarchive repair [CASE]</c>: after a crash, records objects no entry lists as unreferenced, removes
/// abandoned temporary files, re-applies retention to sealed cases; every case if none is named.
/// </summary>
internal static class RepairCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string?>("case") { Description = "Case id (default: every case)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("repair", "Bring cases back to a consistent state after a crash") { caseId };
        command.SetAction(result => ArchiveCli.Run(async host =>
        {
            var ids = result.GetValue(caseId) is { } one ? [one] : await host.Archive.ListCaseIdsAsync();
            int damaged = 0;
            foreach (var id in ids)
            {
                RepairResult r;
                try { r = await host.Archive.RepairAsync(id); }
                catch (Exception e) when (e is ArchiveCorruptException or CaseDamagedException)
                {
                    damaged++;
                    Console.WriteLine($"{id}: damaged, left as it is: {e.Message}");
                    continue;
                }
                if (r.Case.Damage is { } d) { damaged++; Console.WriteLine($"{id}: damaged, left as it is: {d}"); continue; }
                Console.WriteLine($"{id}: {r.RecordedUnreferenced.Count} unreferenced object(s) recorded, {r.TempFilesRemoved} temporary file(s) removed");
            }
            return damaged == 0 ? 0 : 1;
        }));
        return command;
    }
}
