namespace FormArchive.Casework.Stages;

/// <summary>
/// The forms a step may print and file with it (the API's printForm, the desk's choice, the CLI's --print-form):
/// the paper that step produces. 受理: the 申请及诚信承诺书, 受理告知书, 审核确认表 (filled from the materials) and
/// 云阳 申请书; 核对授权: the 核对授权书; 入户调查: the 入户调查表 and 云阳 经济状况核查表; 初审意见: the 入户调查表
/// (乡镇意见) and the 审核公示单 (附件6, filled at the opinion); 公示: the 审核公示单; 审核确认: the 入户调查表 (县级意见),
/// the 审核确认表 and the 审核确认公示单; 负责人审签: the 入户调查表, now with the 负责人's name (<see cref="StageFormSigners"/>);
/// 告知: the 审核确认告知书 or 不予批准告知书; 定期复核: the 动态管理记录表 and the 保障金调整（停发）告知书. Other steps print none.
/// </summary>
public static class StageForms
{
    private static readonly Dictionary<CaseEventKind, string[]> Forms = new()
    {
        [CaseEventKind.Accepted] = ["chizhou.application-pledge", "chizhou.acceptance-notice", "chizhou.review-form", "yunyang.application"],
        [CaseEventKind.AuthorizationChecked] = ["chizhou.verification-authorization"],
        [CaseEventKind.HomeVisited] = ["chizhou.home-visit-survey", "yunyang.economic-survey"],
        [CaseEventKind.PreliminaryOpinion] = ["chizhou.home-visit-survey", "chizhou.review-publicity"],
        [CaseEventKind.PublicityStarted] = ["chizhou.review-publicity"],
        [CaseEventKind.Confirmed] = ["chizhou.home-visit-survey", "chizhou.review-form", "chizhou.approval-publicity"],
        [CaseEventKind.Countersigned] = ["chizhou.home-visit-survey"],
        [CaseEventKind.Notified] = ["chizhou.approval-notice", "chizhou.rejection-notice"],
        [CaseEventKind.Reviewed] = ["chizhou.dynamic-management-record", "chizhou.benefit-adjustment-notice"],
    };

    /// <summary>The ids of the forms <paramref name="kind"/> may print, in the order a clerk meets them; empty if none.</summary>
    public static IReadOnlyList<string> For(CaseEventKind kind) => Forms.TryGetValue(kind, out var ids) ? ids : [];

    public static bool Allows(CaseEventKind kind, string formId) => For(kind).Contains(formId, StringComparer.Ordinal);

    /// <summary>The refusal, in Chinese, naming what the step may print.</summary>
    public static string Refusal(CaseEventKind kind, string formId, string? formTitle = null)
    {
        var allowed = For(kind);
        var form = formTitle is null ? $"“{formId}”" : $"{formTitle}（{formId}）";
        return $"“{kind.Label()}”时不能打印{form}；" + (allowed.Count == 0 ? "该环节不打印表格。" : $"该环节可打印：{string.Join("、", allowed)}。");
    }
}
