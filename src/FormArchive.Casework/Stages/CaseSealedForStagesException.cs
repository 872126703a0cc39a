namespace FormArchive.Casework.Stages;

/// <summary>A step recorded on a sealed case: the sealed volume is never changed.</summary>
public sealed class CaseSealedForStagesException(string caseId)
    : Exception($"案件 {caseId} 已封存，不能再记录办理环节；后续办理情况请记入补充卷。")
{
    public string CaseId { get; } = caseId;
}
