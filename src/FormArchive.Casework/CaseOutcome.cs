namespace FormArchive.Casework;

/// <summary>The decision an opinion, a confirmation, a notice or a review carries.</summary>
public enum CaseOutcome
{
    /// <summary>批准 (符合条件; at a review: 续保 or 调整).</summary>
    Approved,
    /// <summary>不予批准 (不符合条件; at a review: 停发).</summary>
    Rejected,
}
