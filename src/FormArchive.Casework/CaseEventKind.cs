namespace FormArchive.Casework;

/// <summary>What happened to a case: one entry of its append-only stage log.</summary>
public enum CaseEventKind
{
    /// <summary>受理: the township accepted the application; every period starts the day after.</summary>
    Accepted,
    /// <summary>核对授权: the 授权书 signed and the household's economic situation sent for 核对.</summary>
    AuthorizationChecked,
    /// <summary>入户调查: the home visit, by two staff or more.</summary>
    HomeVisited,
    /// <summary>初审意见, with the 审核公示单 (附件6) filled in; outcome 批准 (符合) or 不予批准.</summary>
    PreliminaryOpinion,
    /// <summary>公示: the 审核公示单 posted in the village; runs 7 calendar days.</summary>
    PublicityStarted,
    /// <summary>延期: 审核确认 extended from 15 to 25 working days, for a stated reason.</summary>
    Extended,
    /// <summary>报送审批: 初核 finished and the file submitted to the county (巴阳府发〔2021〕10号).</summary>
    Submitted,
    /// <summary>审核确认: the 联审联批 decision; outcome 批准 or 不予批准.</summary>
    Confirmed,
    /// <summary>告知: the 审核确认告知书 (附件8) or the 不予批准告知书 (附件7) served.</summary>
    Notified,
    /// <summary>发放: money paid (临时救助金, 保障金).</summary>
    Paid,
    /// <summary>录入: entered in the 社会救助大数据信息系统.</summary>
    Entered,
    /// <summary>预警: an early-warning item about the household arrived from the monitoring module.</summary>
    WarningReceived,
    /// <summary>预警处置: the early-warning item handled.</summary>
    WarningHandled,
    /// <summary>定期复核: the periodic review done; outcome 批准 = 续保/调整, 不予批准 = 停发.</summary>
    Reviewed,
    /// <summary>负责人审签: the unit's 负责人 countersigns its 经办人's 初审意见 or 审核确认 (四眼原则).</summary>
    Countersigned,
    /// <summary>退回补正: the county returns a submitted case to the township with the items to supply.</summary>
    Returned,
}
