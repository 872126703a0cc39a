namespace FormArchive.Templates;

/// <summary>No form with the requested id is in the catalog.</summary>
public sealed class FormNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception.</summary>
    public FormNotFoundException(string formId, IEnumerable<string> availableIds)
        : base($"没有 id 为“{formId}”的表单。可用的表单：{string.Join(", ", availableIds)}")
    {
        FormId = formId;
        AvailableIds = availableIds.ToList();
    }

    /// <summary>The id asked for.</summary>
    public string FormId { get; }

    /// <summary>Ids that do exist.</summary>
    public IReadOnlyList<string> AvailableIds { get; }
}
