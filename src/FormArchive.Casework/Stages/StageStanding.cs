using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;

namespace FormArchive.Casework.Stages;

/// <summary>The catalog's stage and next due date of a case, from its stored steps replayed through the rules.</summary>
internal sealed class StageStanding(WorkingDayCalendar calendar, LocalRules rules) : ICaseStandingSource
{
    public CaseStanding Of(CaseManifest manifest)
    {
        if (manifest.Stages.Count == 0) return CaseStanding.None;
        try
        {
            var status = CaseProgress.Evaluate(CaseProcedure.Replay(manifest, rules).Snapshot(), calendar);
            return new CaseStanding(status.Stage.ToString(), status.Next?.Due);
        }
        catch (Exception e) when (e is StoredStageLogException or CaseworkException)
        {
            return new CaseStanding(CaseProcedure.InvalidStage, null, e.Message);
        }
    }
}
