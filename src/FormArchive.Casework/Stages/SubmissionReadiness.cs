using FormArchive.Archive.Cases;
using FormArchive.Casework.Checklist;

namespace FormArchive.Casework.Stages;

/// <summary>
/// What the electronic file must hold before 报送审批, since the county decides from it alone (巴阳府发〔2021〕10号:
/// "不再接受纸质审批材料", 三、网上审批所需要的材料): every required material of the checklist, and the township's
/// opinion as a filed document (the 审核确认表 or 审核结果 printed or scanned at 初审意见).
/// </summary>
public static class SubmissionReadiness
{
    public const string OpinionPaper = "乡镇（街道）审核意见（初审意见时归档的审核确认表或审核结果）";

    /// <summary>The materials missing from the case <paramref name="m"/> (all its volumes), named as the 补充材料告知书 names them.</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(CaseArchive archive, CaseManifest m, IReadOnlyList<CaseEvent> events,
        DateOnly today, CancellationToken ct)
    {
        var missing = (await CaseChecklist.OfCaseAsync(archive, m, today, ct)).Where(i => !i.Present).Select(i => i.Material).ToList();
        if (events.LastOrDefault(e => e.Kind == CaseEventKind.PreliminaryOpinion) is { Documents.Count: 0 })
            missing.Add(OpinionPaper);
        return missing;
    }
}
