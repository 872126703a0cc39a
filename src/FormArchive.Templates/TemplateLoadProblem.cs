namespace FormArchive.Templates;

/// <summary>Something wrong with a form's files found while loading the catalog.</summary>
/// <param name="FormId">The form's id (or the file's base name when the id could not be read).</param>
/// <param name="File">The file at fault.</param>
/// <param name="Message">The problem, e.g. the Scriban error with its line and column.</param>
public sealed record TemplateLoadProblem(string FormId, string File, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"[{FormId}] {File}: {Message}";
}
