namespace FormArchive.Archive.Cases;

/// <summary>
/// A document was filed for a step, and the step was refused when it came to be written (another instance wrote
/// to the case between the two entries). The document stays filed — nothing filed is ever removed — and this names
/// it, so the caller can tell the clerk which 件号 no step refers to. The inner exception is the refusal.
/// </summary>
public sealed class StageRefusedAfterFilingException(string caseId, DocumentEntry document, Exception refusal)
    : Exception($"{refusal.Message}（为该环节打印的表格已归档为案卷 {caseId} 第 {document.No} 件“{document.Title}”，未被任何办理环节引用）", refusal)
{
    public string CaseId { get; } = caseId;
    public DocumentEntry Document { get; } = document;
}
