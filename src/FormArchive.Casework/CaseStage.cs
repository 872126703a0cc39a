namespace FormArchive.Casework;

/// <summary>Where a case stands: the furthest stage its log has reached.</summary>
public enum CaseStage
{
    /// <summary>受理: accepted, nothing checked yet.</summary>
    Accepted,
    /// <summary>核对授权 / 入户调查 under way.</summary>
    Investigation,
    /// <summary>初审意见 given, 公示 not yet posted.</summary>
    PreliminaryOpinion,
    /// <summary>公示 posted (running or ended), 审核确认 pending.</summary>
    Publicity,
    /// <summary>报送审批: submitted to the county, awaiting its 审核确认; the township cannot change the file.</summary>
    Submitted,
    /// <summary>退回补正: returned by the county with items to supply; the township may change the file and submit again.</summary>
    Returned,
    /// <summary>审核确认 made, the applicant not yet told.</summary>
    Confirmed,
    /// <summary>告知: the applicant told; for an approval, 发放/录入 may still be due.</summary>
    Notified,
    /// <summary>发放/录入 done: the case is on the roll and under dynamic management.</summary>
    OnRoll,
    /// <summary>Closed: rejected and told, or stopped (停发) at a review.</summary>
    Closed,
}
