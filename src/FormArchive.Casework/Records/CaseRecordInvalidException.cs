using FormArchive.Templates;

namespace FormArchive.Casework.Records;

/// <summary>Case data the case schema refuses; the message counts the errors and names the first, in Chinese, for the clerk.</summary>
public sealed class CaseRecordInvalidException(IReadOnlyList<FormDataError> errors)
    : Exception($"案件数据有 {errors.Count} 处错误；第一处 {errors[0].Path}：{errors[0].Message}")
{
    public IReadOnlyList<FormDataError> Errors { get; } = errors;
}
