namespace FormArchive.Casework.Records;

/// <summary>A form asked to be printed from the case data of a case that has saved none.</summary>
public sealed class NoCaseRecordException(string caseId) : InvalidOperationException("请先保存案件数据，再从案件数据打印表格")
{
    public string CaseId { get; } = caseId;
}
