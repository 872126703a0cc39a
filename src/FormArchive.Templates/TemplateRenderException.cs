namespace FormArchive.Templates;

/// <summary>
/// The template failed while rendering valid data (a Scriban runtime error such as a reference to a
/// member that does not exist). This is a fault of the template, not of the data.
/// </summary>
public sealed class TemplateRenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateRenderException(string formId, string scribanMessage, Exception inner)
        : base($"表单 {formId} 的模板渲染失败：{scribanMessage}", inner)
    {
        FormId = formId;
        ScribanMessage = scribanMessage;
    }

    /// <summary>The form.</summary>
    public string FormId { get; }

    /// <summary>Scriban's message, with file, line and column.</summary>
    public string ScribanMessage { get; }
}
