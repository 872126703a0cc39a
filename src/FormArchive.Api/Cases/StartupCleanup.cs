using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;

namespace FormArchive.Api.Cases;

/// <summary>
/// On start, in the background: temporary files that writers killed mid-write left in the store (the local
/// store's ".NAME.PID.GUID.tmp" of processes that are gone) are removed. Objects no event lists are left for the
/// repair that runs before each seal (and `formarchive repair`): on a store shared by several instances, only the
/// case's own gate tells an interrupted upload from one still in progress.
/// </summary>
public static class StartupCleanup
{
    public static void Schedule(WebApplication app, ArchiveHost host) =>
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                int removed = await host.Archive.Store.RemoveAbandonedTempFilesAsync(StoreArea.Vault, CaseKeys.Root)
                              + await host.Archive.Store.RemoveAbandonedTempFilesAsync(StoreArea.Journal, CaseKeys.Root);
                if (removed > 0) app.Logger.LogInformation("removed {Count} temporary file(s) left by interrupted writes", removed);
            }
            catch (Exception e)
            {
                app.Logger.LogWarning("start-up cleanup of temporary files failed: {Error}", e.Message);
            }
        }));
}
