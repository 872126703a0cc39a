namespace FormArchive.Templates;

/// <summary>
/// The catalog could not be loaded: a template does not parse, fails its trial render with blank
/// data (e.g. it references a member its schema does not declare), renders markup that is not
/// well-formed, or its metadata/schema is missing or invalid.
/// </summary>
public sealed class TemplateLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateLoadException(string templatesRoot, IReadOnlyList<TemplateLoadProblem> problems)
        : base($"模板目录 {templatesRoot} 有 {problems.Count} 个问题：" + Environment.NewLine +
               string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        TemplatesRoot = templatesRoot;
        Problems = problems;
    }

    /// <summary>The directory that was loaded.</summary>
    public string TemplatesRoot { get; }

    /// <summary>Every problem found, per form.</summary>
    public IReadOnlyList<TemplateLoadProblem> Problems { get; }
}
