namespace FormArchive.Casework.Stages;

/// <summary>
/// The steps stored in a case's archive log do not replay under the stage rules (written by another tool,
/// by an older rule set, or altered): the case's progress cannot be trusted until someone has looked at it.
/// </summary>
public sealed class StoredStageLogException(string caseId, int entry, string why)
    : Exception($"案件 {caseId} 存档的第 {entry} 条办理记录不符合办理程序，进度无法确定：{why}")
{
    public string CaseId { get; } = caseId;
    /// <summary>1-based position of the first refused step.</summary>
    public int Entry { get; } = entry;
}
