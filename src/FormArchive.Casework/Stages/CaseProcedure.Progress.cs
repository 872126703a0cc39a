using FormArchive.Archive.Cases;
using FormArchive.Archive.Dossier;
using FormArchive.Archive.Printing;
using FormArchive.Casework.Volumes;

namespace FormArchive.Casework.Stages;

// Reading one case: its progress report, stage label, log and dossier, through all its volumes.
public sealed partial class CaseProcedure
{
    /// <summary>The case's stage, deadlines, warnings and timeline on the archive clock's China-time day, through all its volumes.</summary>
    public async Task<CaseProgressReport> ProgressAsync(string caseId, CancellationToken ct = default) =>
        await ReportAsync(await host.Archive.GetManifestAsync(caseId, ct), ct);

    /// <summary>
    /// The case's dossier (<see cref="DossierBuilder"/>) with its 案卷办理过程: the recorded steps of all its volumes,
    /// replayed through the rules, printed after the documents. A stored log the rules refuse is an error
    /// (<see cref="StoredStageLogException"/>), as for <see cref="ProgressAsync"/>, not a dossier silently without its steps.
    /// </summary>
    /// <param name="printer">Prints the archive's pages (the service's, from its templates folder); null: <see cref="ArchivePrinter.Default"/>.</param>
    public async Task<byte[]> DossierAsync(string caseId, string actor, ArchivePrinter? printer = null, CancellationToken ct = default)
    {
        var m = await host.Archive.GetManifestAsync(caseId, ct);
        var volumes = await SupplementVolumes.AllVolumesAsync(host.Archive, m, ct);
        var steps = CaseTimeline.DossierSteps(CaseTimeline.Of((await ReplayAsync(host.Archive, m.CaseId, volumes, Rules, ct)).Snapshot()));
        // The manifest read once: the steps and the pages come from the same state of the case.
        var later = volumes.Where(v => Math.Max(1, v.Metadata.Volume) > Math.Max(1, m.Metadata.Volume)).Select(v => v.Metadata.Volume).ToList();
        return await DossierBuilder.BuildAsync(host.Archive, m, later, actor, steps, printer, ct);
    }

    /// <inheritdoc/>
    public async Task<string?> StageLabelAsync(CaseManifest m, CancellationToken ct)
    {
        try { return (await ReportAsync(m, ct)).StageLabel; }
        catch (Exception e) when (e is StoredStageLogException or CaseworkException) { return null; }
    }

    /// <summary>Progress of an already loaded case (any of its volumes): the whole log, every volume's steps in order.</summary>
    public async Task<CaseProgressReport> ReportAsync(CaseManifest m, CancellationToken ct = default)
    {
        var volumes = await SupplementVolumes.AllVolumesAsync(host.Archive, m, ct);
        return Report(m, volumes, (await ReplayAsync(host.Archive, m.CaseId, volumes, Rules, ct)).Snapshot(), Today());
    }

    /// <summary>The stored steps of <paramref name="m"/> and the volumes before it, replayed through the rules.</summary>
    /// <exception cref="StoredStageLogException">A stored step is unreadable or refused.</exception>
    public async Task<StageLog> LogOfAsync(CaseManifest m, CancellationToken ct = default) =>
        await ReplayAsync(host.Archive, m.CaseId, [.. await SupplementVolumes.EarlierVolumesAsync(host.Archive, m, ct), m], Rules, ct);

    private CaseProgressReport Report(CaseManifest m, IReadOnlyList<CaseManifest> volumes, StageLogSnapshot file, DateOnly today)
    {
        var heldBy = volumes.SelectMany(v => v.Stages.Select(_ => v.CaseId)).ToList();
        var timeline = CaseTimeline.Of(file).Select((t, i) => t with { Volume = heldBy[i] }).ToList();
        IReadOnlyList<string> categories = [.. file.Categories.Select(c => c.Name)], volumeIds = [.. volumes.Select(v => v.CaseId)];
        if (file.Events.Count == 0)
            return new CaseProgressReport(m.CaseId, m.Metadata.Township, m.Metadata.Category, null, null, today, [], [], null, null, null, timeline, m.Sealed)
            { Categories = categories, Volumes = volumeIds };
        var status = StageRules.Evaluate(file, Calendar);
        return new CaseProgressReport(m.CaseId, m.Metadata.Township, m.Metadata.Category, status.Stage, status.Stage.Label(), today,
            status.Deadlines.Select(d => DeadlineLine.Of(d, today)).ToList(), status.Warnings,
            status.PublicityStart, status.PublicityEnd, status.BenefitFromMonth, timeline, m.Sealed)
        {
            Categories = categories, Rules = file.Rules.ToString(), Volumes = volumeIds, WithCounty = status.WithCounty,
            Supply = CountyReturn.Outstanding(file.Events)
        };
    }
}
