namespace FormArchive.Casework.Stages;

/// <summary>
/// A step recorded on a sealed case that does not continue in a 补充卷 (<see cref="StepsAfterSealing"/>): the
/// sealed volume is never changed.
/// </summary>
public sealed class CaseSealedForStagesException(string caseId)
    : Exception($"案件 {caseId} 已封存，不能再记录此办理环节；封存后的发放、录入、预警处置和定期复核记入补充卷。")
{
    public string CaseId { get; } = caseId;
}
