using FormArchive.Archive.Cases;
using FormArchive.Casework.Opening;

namespace FormArchive.Casework.Stages;

// Replaying a case's stored steps through the rules, with the rules and categories recorded at 受理.
public sealed partial class CaseProcedure
{
    /// <summary>Every category the case was opened for (its case data), else the one its metadata names; unknown names are left out.</summary>
    private static async Task<IReadOnlyList<AssistanceCategory>> AppliedForAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var application = await FiledApplication.ReadAsync(archive, m, ct);
        var names = application?.Categories is { Count: > 0 } given ? given : [m.Metadata.Category];
        return [.. names.Select(n => AssistanceCategory.TryParse(n, out var c) ? c : null).OfType<AssistanceCategory>().Distinct()];
    }

    /// <summary>
    /// <see cref="Replay"/>, reading the categories the case was opened for from its case data when its 受理 did not
    /// record them (logs from before they were recorded): those deadlines too follow every category.
    /// </summary>
    internal static async Task<StageLog> ReplayAsync(
        CaseArchive archive, string caseId, IReadOnlyList<CaseManifest> volumes, LocalRules installationRules, CancellationToken ct) =>
        Replay(caseId, volumes, installationRules, await AppliedForUnrecordedAsync(archive, volumes, ct));

    /// <summary>The categories of the case data where the 受理 of <paramref name="volumes"/> did not record them; else null.</summary>
    internal static async Task<IReadOnlyList<AssistanceCategory>?> AppliedForUnrecordedAsync(
        CaseArchive archive, IReadOnlyList<CaseManifest> volumes, CancellationToken ct)
    {
        var first = volumes.SelectMany(v => v.Stages).FirstOrDefault();
        return first is not null && first.Categories is null ? await AppliedForAsync(archive, volumes[0], ct) : null;
    }

    /// <summary>
    /// The stored steps of <paramref name="volumes"/> (a case's volumes, oldest first) replayed through the rules,
    /// one by one, as the log of <paramref name="caseId"/>. The rules and categories are those recorded with 受理;
    /// for logs from before they were recorded, <paramref name="installationRules"/> and <paramref name="appliedFor"/>
    /// (the case data's categories), else the first volume's category.
    /// </summary>
    /// <exception cref="StoredStageLogException">A stored step is unreadable or refused.</exception>
    internal static StageLog Replay(
        string caseId, IReadOnlyList<CaseManifest> volumes, LocalRules installationRules, IReadOnlyList<AssistanceCategory>? appliedFor = null)
    {
        var log = LogBefore(caseId, volumes, installationRules, appliedFor);
        var stages = volumes.SelectMany(v => v.Stages).ToList();
        for (int i = 0; i < stages.Count; i++)
        {
            var e = StageRecords.FromRecord(stages[i])
                    ?? throw new StoredStageLogException(caseId, i + 1, $"未知的办理环节“{stages[i].Kind}”或结果“{stages[i].Outcome}”。");
            try { log.Append(e); }
            catch (CaseworkException x) { throw new StoredStageLogException(caseId, i + 1, x.Message); }
        }
        return log;
    }

    /// <summary>
    /// The log of <paramref name="caseId"/> before its first step: its township, and the rules, categories and confirming
    /// levels recorded with its 受理 (see <see cref="Replay"/>).
    /// </summary>
    /// <exception cref="StoredStageLogException">The rules or categories recorded with 受理 are not known ones.</exception>
    internal static StageLog LogBefore(
        string caseId, IReadOnlyList<CaseManifest> volumes, LocalRules installationRules, IReadOnlyList<AssistanceCategory>? appliedFor)
    {
        var first = volumes[0];
        var stages = volumes.SelectMany(v => v.Stages).ToList();
        var rules = installationRules;
        IReadOnlyList<AssistanceCategory> categories = appliedFor is { Count: > 0 } ? appliedFor
            : AssistanceCategory.TryParse(first.Metadata.Category, out var c) ? [c] : [];
        if (stages.Count > 0 && stages[0].Kind == nameof(CaseEventKind.Accepted))
        {
            if (stages[0].Rules is { } recorded
                && !(Enum.TryParse(recorded, ignoreCase: false, out rules) && Enum.IsDefined(rules) && !char.IsDigit(recorded[0])))
                throw new StoredStageLogException(caseId, 1, $"未知的办理规则“{recorded}”。");
            if (stages[0].Categories is { Count: > 0 } names)
            {
                var parsed = names.Select(n => AssistanceCategory.TryParse(n, out var x) ? x : null).ToList();
                if (parsed.Contains(null))
                    throw new StoredStageLogException(caseId, 1, $"受理时记录的救助类别“{string.Join("、", names)}”无法识别。");
                categories = [.. parsed.OfType<AssistanceCategory>()];
            }
        }
        // Which level confirms what, as recorded at 受理 (not the installation's setting of today); none in older logs.
        var levels = stages.Count > 0 && stages[0].Kind == nameof(CaseEventKind.Accepted) && stages[0].Confirms is { } confirms
            ? ConfirmingLevels.FromCodes(confirms, ConfirmingLevels.Of(rules)) : null;
        var log = new StageLog(caseId, first.Metadata.Township.Trim(), categories, rules, levels: levels);
        if (stages.Count > 0 && log.Categories.Count == 0)
            throw new StoredStageLogException(caseId, 1, $"救助类别“{first.Metadata.Category}”无法识别。");
        return log;
    }
}
