using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework.Volumes;

namespace FormArchive.Casework.Stages;

/// <summary>
/// The catalog's stage and next due date of a case, from its stored steps replayed through the rules; a 补充卷's
/// steps continue those of the volumes before it. <paramref name="rules"/> govern cases accepted before the rules
/// were recorded with 受理.
/// </summary>
internal sealed class CatalogStageReplay(WorkingDayCalendar calendar, LocalRules rules) : ICatalogStageSource
{
    public async Task<CatalogStage> OfAsync(CaseManifest manifest, CaseArchive archive, CancellationToken ct)
    {
        try
        {
            var volumes = manifest.Metadata.SupplementOf is null ? [] : await SupplementVolumes.EarlierVolumesAsync(archive, manifest, ct);
            if (manifest.Stages.Count == 0 && volumes.All(v => v.Stages.Count == 0)) return CatalogStage.None;
            var log = await CaseProcedure.ReplayAsync(archive, manifest.CaseId, [.. volumes, manifest], rules, ct);
            var status = StageRules.Evaluate(log.Snapshot(), calendar);
            return new CatalogStage(status.Stage.ToString(), status.Next?.Due);
        }
        catch (Exception e) when (e is StoredStageLogException or CaseworkException or ArchiveCorruptException or CaseNotFoundException)
        {
            return new CatalogStage(CaseProcedure.InvalidStage, null, e.Message);
        }
    }
}
