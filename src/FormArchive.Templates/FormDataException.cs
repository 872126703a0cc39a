namespace FormArchive.Templates;

/// <summary>The data given for a form is not valid JSON or does not match the form's schema.</summary>
public sealed class FormDataException : Exception
{
    /// <summary>Creates the exception for <paramref name="formId"/>.</summary>
    public FormDataException(string formId, IReadOnlyList<FormDataError> errors)
        : base(BuildMessage(formId, errors))
    {
        FormId = formId;
        Errors = errors;
    }

    /// <summary>The form whose data was rejected.</summary>
    public string FormId { get; }

    /// <summary>Every problem found (at least one).</summary>
    public IReadOnlyList<FormDataError> Errors { get; }

    private static string BuildMessage(string formId, IReadOnlyList<FormDataError> errors) =>
        $"表单 {formId} 的数据有 {errors.Count} 处错误：" + Environment.NewLine +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
