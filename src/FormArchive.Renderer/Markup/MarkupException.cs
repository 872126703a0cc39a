namespace FormArchive.Renderer.Markup;

/// <summary>Markup that cannot become a document. Names the line and element so a template author can find it.</summary>
public sealed class MarkupException : Exception
{
    public MarkupException(string message, int line, string? element, Exception? inner = null)
        : base(Format(message, line, element), inner)
    {
        Line = line;
        Element = element;
    }

    public int Line { get; }
    public string? Element { get; }

    private static string Format(string message, int line, string? element) =>
        element is null ? $"markup line {line}: {message}" : $"markup line {line}, <{element}>: {message}";
}
