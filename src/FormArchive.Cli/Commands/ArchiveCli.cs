using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Cli.Commands;

/// <summary>Runs an archive command: opens the configured archive and turns archive errors into one line.</summary>
internal static class ArchiveCli
{
    public static int Run(Func<ArchiveHost, Task<int>> action) => CliErrors.Run(() =>
    {
        try
        {
            // The catalog derives each case's stage and next due date through the stage rules, as the service's does.
            using var host = ArchiveHost.OpenAsync(standing: CaseProcedure.Standing(WorkingDayCalendar.Default)).GetAwaiter().GetResult();
            return action(host).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is CaseNotFoundException or ArgumentException)
        {
            return CliErrors.Fail(e.Message, CliErrors.BadInput);
        }
        catch (Exception e) when (e is CaseSealedForStagesException or StoredStageLogException)
        {
            return CliErrors.Fail(e.Message, CliErrors.Failure);
        }
        catch (Exception e) when (e is CaseSealedException or CaseDamagedException or CaseExistsException or ArchiveStorageException or ArchiveCorruptException)
        {
            return CliErrors.Fail(e.Message, CliErrors.Failure);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return CliErrors.Fail($"catalog index: {e.Message.ReplaceLineEndings(" ")} (formarchive reindex rebuilds it)", CliErrors.Failure);
        }
    });
}
