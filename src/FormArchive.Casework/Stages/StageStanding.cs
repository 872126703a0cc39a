using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework.Volumes;

namespace FormArchive.Casework.Stages;

/// <summary>
/// The catalog's stage and next due date of a case, from its stored steps replayed through the rules; a 补充卷's
/// steps continue those of the volumes before it. <paramref name="rules"/> govern cases accepted before the rules
/// were recorded with 受理.
/// </summary>
internal sealed class StageStanding(WorkingDayCalendar calendar, LocalRules rules) : ICaseStandingSource
{
    public async Task<CaseStanding> OfAsync(CaseManifest manifest, CaseArchive archive, CancellationToken ct)
    {
        try
        {
            var volumes = manifest.Metadata.SupplementOf is null ? [] : await SupplementVolumes.EarlierVolumesAsync(archive, manifest, ct);
            if (manifest.Stages.Count == 0 && volumes.All(v => v.Stages.Count == 0)) return CaseStanding.None;
            var log = await CaseProcedure.ReplayAsync(archive, manifest.CaseId, [.. volumes, manifest], rules, ct);
            var status = CaseProgress.Evaluate(log.Snapshot(), calendar);
            return new CaseStanding(status.Stage.ToString(), status.Next?.Due);
        }
        catch (Exception e) when (e is StoredStageLogException or CaseworkException or ArchiveCorruptException or CaseNotFoundException)
        {
            return new CaseStanding(CaseProcedure.InvalidStage, null, e.Message);
        }
    }
}
