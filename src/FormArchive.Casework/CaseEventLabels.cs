namespace FormArchive.Casework;

/// <summary>The Chinese names of events and outcomes, as clerks read them.</summary>
public static class CaseEventLabels
{
    /// <summary>受理, 核对授权, 入户调查 …</summary>
    public static string Label(this CaseEventKind kind) => kind switch
    {
        CaseEventKind.Accepted => "受理",
        CaseEventKind.AuthorizationChecked => "核对授权",
        CaseEventKind.HomeVisited => "入户调查",
        CaseEventKind.PreliminaryOpinion => "初审意见",
        CaseEventKind.PublicityStarted => "公示",
        CaseEventKind.Extended => "延期",
        CaseEventKind.Submitted => "报送审批",
        CaseEventKind.Confirmed => "审核确认",
        CaseEventKind.Notified => "告知",
        CaseEventKind.Paid => "发放",
        CaseEventKind.Entered => "录入",
        CaseEventKind.WarningReceived => "预警",
        CaseEventKind.WarningHandled => "预警处置",
        CaseEventKind.Reviewed => "定期复核",
        CaseEventKind.Countersigned => "负责人审签",
        CaseEventKind.Returned => "退回补正",
        _ => kind.ToString(),
    };

    /// <summary>批准 or 不予批准.</summary>
    public static string Label(this CaseOutcome outcome) => outcome == CaseOutcome.Approved ? "批准" : "不予批准";
}
