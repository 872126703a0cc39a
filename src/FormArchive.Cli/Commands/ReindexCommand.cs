using System.CommandLine;

namespace FormArchive.Cli.Commands;

/// <summary><c>formarchive reindex</c>: drops the catalog index and rebuilds it from the store; exit 1 if a case could not be read.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the catalog index (SQLite) from every case in the store");
        command.SetAction(_ => ArchiveCli.Run(async host =>
        {
            var r = await host.Catalog.ReindexAsync(host.Archive);
            Console.WriteLine($"reindexed {r.Cases} case{(r.Cases == 1 ? "" : "s")} ({r.Sealed} sealed, {r.Open} open) from {host.Archive.Store.Description} "
                              + $"into {host.Catalog.Path} in {r.Elapsed.TotalSeconds:0.0} s");
            if (r.Unreadable.Count == 0) return 0;
            return CliErrors.Fail($"{r.Unreadable.Count} cases could not be read and are not indexed (run verify): {string.Join(", ", r.Unreadable)}",
                CliErrors.Failure);
        }));
        return command;
    }
}
