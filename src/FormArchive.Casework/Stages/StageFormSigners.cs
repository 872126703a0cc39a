using System.Text.Json.Nodes;

namespace FormArchive.Casework.Stages;

/// <summary>
/// Forms printed into a case take who signed from its log, as they take their dates (<see cref="StageFormDates"/>).
/// The 入户调查表's 乡镇意见: town_opinion.handler (经办人员签名) the 初审意见's signer, town_opinion.office_head
/// (民政办负责人签名) the 负责人 of that office who countersigned it; its 县（区）民政局意见 (<see cref="OpinionSteps.County"/>):
/// county_opinion.handler the signer of the county's 审核确认, county_opinion.head (负责人签名) its countersign. The
/// township box's third line, the government's 负责人签名, has no key in the system and stays for handwriting.
/// The notices' 审核确认单位: approval.unit the unit that signed the 审核确认 批准 (the township when delegated, the
/// county's 民政局 otherwise), rejection.unit the one that signed the 不予批准 — the 审核确认, else a rejecting 初审意见.
/// A step not in the log, or recorded before people signed, leaves the field as the data has it; a name that differs,
/// or a 负责人 named while the log shows the opinion not yet countersigned, is refused.
/// </summary>
public static class StageFormSigners
{
    /// <summary>Fills <paramref name="data"/> in place; returns the paths filled (e.g. town_opinion.handler).</summary>
    /// <exception cref="CaseworkException">A name or unit in the data differs from the log's.</exception>
    public static IReadOnlyList<string> Fill(JsonObject data, IReadOnlyList<CaseEvent> events)
    {
        var filled = new List<string>();
        if (OpinionSteps.Town(events) is { } town) Box(data, "town_opinion", "office_head", town, events, filled);
        if (OpinionSteps.County(events) is { } county) Box(data, "county_opinion", "head", county, events, filled);
        Unit(data, "approval", OpinionSteps.Decision(events, CaseOutcome.Approved), filled);
        Unit(data, "rejection", OpinionSteps.Decision(events, CaseOutcome.Rejected), filled);
        return filled;
    }

    /// <summary>An opinion box: its 经办人员 (<c>handler</c>) the opinion's signer, its 负责人 line the countersign's.</summary>
    private static void Box(JsonObject data, string section, string headField, CaseEvent opinion, IReadOnlyList<CaseEvent> events, List<string> filled)
    {
        if (data[section] is not JsonObject box || opinion.SignedBy is not { } by) return;
        var step = opinion.Kind.Label();
        StageFormField.Fill(box, section, "handler", by.Name, $"“{step}”的签名人", "姓名", filled);
        if (OpinionSteps.CountersignOf(events, opinion)?.SignedBy is { } head)
            StageFormField.Fill(box, section, headField, head.Name, $"审签“{step}”的负责人", "姓名", filled);
        else if (StageFormField.Given(box, headField) is { } named)
            throw new CaseworkException($"表格数据 {section}.{headField} 为 {named}，但办理记录中“{step}”尚未经负责人审签；请删去该姓名，审签后再打印。");
    }

    /// <summary>
    /// A notice's 审核确认单位 from its decision's signer. The data may name the unit in full (池州市贵池区秋浦街道办事处 for
    /// 秋浦街道), so a name that holds the signer's unit, or is held in it, agrees.
    /// </summary>
    private static void Unit(JsonObject data, string section, CaseEvent? decision, List<string> filled)
    {
        if (data[section] is not JsonObject notice || decision?.SignedBy is not { } by) return;
        StageFormField.Fill(notice, section, "unit", by.Unit, $"“{decision.Kind.Label()}”的签署单位", "单位", filled,
            given => given.Contains(by.Unit, StringComparison.Ordinal) || by.Unit.Contains(given, StringComparison.Ordinal));
    }
}
