using FormArchive.Archive.Cases;
using FormArchive.Casework.Volumes;

namespace FormArchive.Casework.Stages;

// Recording a step: checked against the whole log under the case's gate, refused if dated in the future, to the open volume (a 补充卷 after sealing).
public sealed partial class CaseProcedure
{
    /// <summary>
    /// Records <paramref name="e"/> on the case. Refused (nothing written) if the rules do not allow it after the
    /// stored steps (<see cref="CaseworkException"/>), if it lies in the future, if the stored steps do not replay
    /// (<see cref="StoredStageLogException"/>) or if the case is sealed and the step is not one that continues in a
    /// 补充卷 (<see cref="CaseSealedForStagesException"/>). A step that does goes to the case's open volume, which is
    /// opened if there is none — only once the step has passed the rules against the whole log.
    /// </summary>
    /// <param name="clerk">Who writes the log entry (the archive's actor); <paramref name="e"/>'s actor is who did the step.</param>
    public async Task<CaseProgressReport> RecordAsync(string caseId, CaseEvent e, string clerk, CancellationToken ct = default)
    {
        RefuseFuture(e);
        var target = await VolumeForAsync(caseId, e, clerk, ct);
        var earlier = await SupplementVolumes.EarlierVolumesAsync(host.Archive, target, ct);
        var applied = await AppliedForAsync(host.Archive, earlier.FirstOrDefault() ?? target, ct);
        if (e.Kind == CaseEventKind.Submitted) await RefuseIncompleteSubmissionAsync(target, earlier, applied, e, ct);
        CaseManifest m;
        try
        {
            m = await host.Archive.AppendStageAsync(target.CaseId, current =>
            {
                if (current.Sealed) throw new CaseSealedForStagesException(current.CaseId);
                return Checked(current, earlier, applied, e).Record; // throws CaseworkException: nothing is written
            }, clerk, ct);
        }
        catch (CaseSealedException)
        {
            throw new CaseSealedForStagesException(target.CaseId);
        }
        IReadOnlyList<CaseManifest> volumes = [.. earlier, m];
        return Report(m, volumes, Replay(m.CaseId, volumes, Rules, applied).Snapshot(), Today());
    }

    /// <summary>
    /// 报送审批 only with a complete electronic file (<see cref="SubmissionReadiness"/>); the materials missing are named.
    /// Filed documents are never removed, so a file complete now is complete when the step is appended.
    /// </summary>
    private async Task RefuseIncompleteSubmissionAsync(CaseManifest target, IReadOnlyList<CaseManifest> earlier,
        IReadOnlyList<AssistanceCategory> applied, CaseEvent e, CancellationToken ct)
    {
        var log = Replay(target.CaseId, [.. earlier, target], Rules, applied);
        var events = log.Events.ToList();
        Check(log, e, target); // the procedure's refusal first: a file need not be complete for a step that may not be taken at all
        var missing = await SubmissionReadiness.MissingAsync(host.Archive, target, events, Today(), ct);
        if (missing.Count > 0)
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：电子档案不全，县（区）民政局只依据电子档案审批（不再接受纸质审批材料），尚缺：{string.Join("；", missing)}。")
            {
                MissingMaterials = missing,
            };
    }

    /// <summary>
    /// The volume a step on <paramref name="caseId"/> goes to: the case itself while it is open; for a sealed case, a
    /// step that continues after sealing goes to its open 补充卷, which is opened if there is none — only once the
    /// step has passed the rules against the whole log, so a refused step opens no volume.
    /// </summary>
    private async Task<CaseManifest> VolumeForAsync(string caseId, CaseEvent e, string clerk, CancellationToken ct)
    {
        var m = await host.Archive.GetManifestAsync(caseId, ct);
        if (!m.Sealed) return m;
        if (!StepsAfterSealing.ContinueInSupplement(e.Kind)) throw new CaseSealedForStagesException(caseId);
        var volumes = await SupplementVolumes.AllVolumesAsync(host.Archive, m, ct);
        var last = volumes[^1];
        if (!last.Sealed) return last;
        if (e.Documents is { Count: > 0 })
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：案件已封存，所附文件须归入补充卷后再记录。");
        Check(await ReplayAsync(host.Archive, last.CaseId, volumes, Rules, ct), e, last);
        return await SupplementVolumes.OpenAsync(host.Archive, last, clerk, ct, joinOpen: true);
    }

    /// <summary>A step dated in the future is refused, with a minute's grace for clocks that differ between the clerk's machine and the server.</summary>
    private void RefuseFuture(CaseEvent e)
    {
        if (e.At > host.Archive.Clock.GetUtcNow().AddMinutes(1))
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：事件时间 {e.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 晚于现在，只能记录已经发生的办理环节。");
    }

    /// <summary>
    /// <paramref name="e"/> checked against the log of <paramref name="current"/> (and the volumes before it): the stored
    /// step, naming <paramref name="form"/> too if given, and the log with the step in it. The first 受理 records the
    /// rules (the township's county's), levels and categories of the case from now on, whatever the installation says later.
    /// </summary>
    /// <exception cref="CaseworkException">The rules refuse the step, or it names a document not in the volume.</exception>
    private (StageRecord Record, StageLog Log) Checked(CaseManifest current, IReadOnlyList<CaseManifest> earlier,
        IReadOnlyList<AssistanceCategory> applied, CaseEvent e, int? form = null)
    {
        var log = Replay(current.CaseId, [.. earlier, current], Rules, applied);
        var record = StageRecords.ToRecord(form is { } no ? e with { Documents = [.. e.Documents ?? [], no] } : e);
        if (e.Kind == CaseEventKind.Accepted && log.Events.Count == 0)
        {
            // No known category: refused below, as before.
            var levels = LevelsOf(log.Township);
            var rules = RulesOf(log.Township);
            log = new StageLog(current.CaseId, log.Township, applied, rules, levels: levels);
            record = record with
            {
                Rules = rules.ToString(),
                Categories = applied.Count > 0 ? [.. applied.Select(c => c.Name)] : null,
                Confirms = levels.ToCodes(),
            };
        }
        CheckDocuments(e, current);
        Check(log, e, current);
        return (record, log);
    }

    /// <summary>The documents a step names must be filed in the volume it is recorded in, each once.</summary>
    private static void CheckDocuments(CaseEvent e, CaseManifest m)
    {
        var named = e.Documents ?? [];
        if (named.Count > MaxDocumentsPerStep || named.Distinct().Count() != named.Count)
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：所附文件的件号应各不相同，至多{MaxDocumentsPerStep}件。");
        foreach (var no in named)
            if (m.Documents.All(d => d.No != no))
                throw new CaseworkException($"不能记录“{e.Kind.Label()}”：案卷 {m.CaseId} 中没有件号为 {no} 的文件。");
    }

    public const int MaxDocumentsPerStep = 20;

    private static void Check(StageLog log, CaseEvent e, CaseManifest m)
    {
        if (log.Categories.Count == 0)
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：案件的救助类别“{m.Metadata.Category}”无法识别。");
        log.Append(e);
    }

    /// <summary>The confirming levels of the township's county, or of the installation's procedure where no county holds it.</summary>
    private ConfirmingLevels LevelsOf(string township) => Settings.Counties.OfTownship(township)?.Levels ?? ConfirmingLevels.Of(Rules);

    /// <summary>The procedure of the township's county (云阳县: Yunyang's), or the installation's where no county holds it.</summary>
    private LocalRules RulesOf(string township) => Settings.Counties.OfTownship(township)?.Rules ?? Rules;
}
