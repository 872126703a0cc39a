namespace FormArchive.Casework;

/// <summary>The Chinese names of the stages, as clerks read them.</summary>
public static class CaseStageLabels
{
    /// <summary>受理, 调查核实, 初审 …</summary>
    public static string Label(this CaseStage stage) => stage switch
    {
        CaseStage.Accepted => "受理",
        CaseStage.Investigation => "核对授权/入户调查",
        CaseStage.PreliminaryOpinion => "初审意见",
        CaseStage.Publicity => "公示",
        CaseStage.Submitted => "报送审批",
        CaseStage.Returned => "退回补正",
        CaseStage.Confirmed => "审核确认",
        CaseStage.Notified => "告知",
        CaseStage.OnRoll => "发放/录入",
        CaseStage.Closed => "办结",
        _ => stage.ToString(),
    };

    /// <summary>A stage by its name (Publicity, publicity) or its label (公示); null if neither.</summary>
    public static CaseStage? Parse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        foreach (var stage in Enum.GetValues<CaseStage>())
            if (string.Equals(stage.ToString(), s, StringComparison.OrdinalIgnoreCase) || stage.Label() == s)
                return stage;
        return null;
    }
}
