using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Cli.Commands;

/// <summary>Runs an archive command: opens the configured archive and turns archive errors into one line.</summary>
internal static class ArchiveCli
{
    public static int Run(Func<ArchiveHost, Task<int>> action) => Run((host, _) => action(host));

    /// <summary>Runs a command that works on cases' procedure (settings from FORMARCHIVE_CASE_RULES and FORMARCHIVE_REVIEW_MONTHS).</summary>
    public static int Run(Func<ArchiveHost, CaseProcedure, Task<int>> action) => CliErrors.Run(() =>
    {
        try
        {
            // The catalog derives each case's stage and next due date through the stage rules, as the service's does.
            var settings = CaseworkSettings.FromEnvironment();
            using var host = ArchiveHost.OpenAsync(standing: CaseProcedure.Standing(WorkingDayCalendar.Default, settings.Rules)).GetAwaiter().GetResult();
            return action(host, new CaseProcedure(host, WorkingDayCalendar.Default, settings)).GetAwaiter().GetResult();
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
