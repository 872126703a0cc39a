using FormArchive.Archive.Access;
using FormArchive.Casework.Stages;

namespace FormArchive.Casework.Verification;

/// <summary>
/// What a step asks of the person who signs it, judged on the key register's facts about them: 负责人审签 by a 负责人;
/// 审核确认 at the level the case's confirming levels (recorded at 受理) give; 退回补正 by the county; a county's step by a
/// person of the county that holds the case's township, a township's step by a person of that township.
/// </summary>
public static class RequiredSigner
{
    /// <summary>What the key's holder may not sign, in Chinese; empty when they may (or when the key has no post to judge).</summary>
    /// <param name="township">The case's township.</param>
    /// <param name="before">The case's log before its first step (categories and confirming levels); null when unreadable.</param>
    public static IReadOnlyList<string> Problems(SignedStep step, ApiKey key, string township, StageLog? before, Counties counties)
    {
        if (step.Step is not { } e || key.Post is not { } post || key.Unit is null) return [];
        var problems = new List<string>();
        var level = key.County is null ? ApprovalLevel.Township : ApprovalLevel.County;
        if (e.Kind == CaseEventKind.Countersigned && post != Post.Head)
            problems.Add($"负责人审签须由负责人作出，{key.Name}是{Posts.Label(post)}");
        if (e.Kind == CaseEventKind.Returned && level != ApprovalLevel.County)
            problems.Add($"退回补正由县（区）民政局作出，{key.Name}是{key.Unit}的人员");
        if (e.Kind == CaseEventKind.Confirmed && before?.Levels is { } levels && levels.ForCase(before.Categories) is var needed && needed != level)
            problems.Add($"本案（{string.Join("、", before.Categories.Select(c => c.Name))}）受理时记录的审核确认权限在{needed.Label()}，"
                + $"{key.Name}是{key.Unit}的人员");
        if (level == ApprovalLevel.Township)
        {
            if (key.Township != township)
                problems.Add($"本案属{township}，乡镇（街道）的环节须由{township}的人员签署，{key.Name}是{key.Township}的人员");
        }
        else if (counties.OfTownship(township) is not { } holder)
            problems.Add($"{township}没有设在任何县（区），无法确认{key.County}可以办理本案");
        else if (holder.Name != key.County)
            problems.Add($"{township}属{holder.Name}，县（区）的环节须由{holder.Bureau}的人员签署，{key.Name}是{key.County}的人员");
        return problems;
    }
}
