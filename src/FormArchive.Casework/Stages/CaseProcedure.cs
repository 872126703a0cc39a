using FormArchive.Archive;
using FormArchive.Archive.Catalog;
using FormArchive.Casework.Records;

namespace FormArchive.Casework.Stages;

/// <summary>
/// The procedure of the cases in one archive: records a step (checked against the stored log, under the
/// case's gate, appended to its hash-chained log), and reads a case's progress, a township's 待办 list and
/// its monthly 定期复核名单. Every read replays the stored steps through <see cref="StageLog"/>, so a stored log
/// the rules refuse is an error, never a silently wrong answer. The service and the CLI both call this.
/// A case's log runs through all its volumes: steps after sealing (<see cref="StepsAfterSealing"/>) go to its
/// 补充卷 and continue the log there. The rules and categories in force at 受理 are recorded with it, so a later
/// change of the installation's rules does not move the case's deadlines.
/// </summary>
/// <remarks>
/// In files by responsibility: recording a step (CaseProcedure.Recording.cs), recording a step with the form it
/// prints (CaseProcedure.RecordingWithForm.cs), reading one case (CaseProcedure.Progress.cs), a township's lists
/// (CaseProcedure.TownshipLists.cs), and replaying the stored steps that all of them rest on (CaseProcedure.Replay.cs).
/// </remarks>
public sealed partial class CaseProcedure(ArchiveHost host, WorkingDayCalendar calendar, CaseworkSettings? settings = null) : IStageLabelSource
{
    /// <summary>The stage name the catalog keeps for a case whose stored steps do not replay.</summary>
    public const string InvalidStage = "Invalid";

    public WorkingDayCalendar Calendar { get; } = calendar;
    /// <summary>The installation's rules: recorded with each new 受理, and governing cases accepted before rules were recorded.</summary>
    public LocalRules Rules { get; } = (settings ?? CaseworkSettings.Default).Rules;
    /// <summary>The installation's settings: procedure, review intervals, counties.</summary>
    public CaseworkSettings Settings { get; } = settings ?? CaseworkSettings.Default;
    public ReviewIntervals Intervals { get; } = (settings ?? CaseworkSettings.Default).Intervals;

    /// <summary>The catalog's view of the stage rules (hand it to <see cref="ArchiveHost.OpenAsync"/>).</summary>
    public static ICatalogStageSource Standing(WorkingDayCalendar calendar, LocalRules rules = LocalRules.Chizhou) => new CatalogStageReplay(calendar, rules);

    /// <summary>Today in China, by the archive's clock.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(host.Archive.Clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
}
