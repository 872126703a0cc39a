namespace FormArchive.Renderer.Rendering;

public enum OutputFormat { Pdf, Docx }

public static class OutputFormats
{
    public static string Extension(this OutputFormat f) => f == OutputFormat.Pdf ? ".pdf" : ".docx";

    public static string ContentType(this OutputFormat f) => f == OutputFormat.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Parses "pdf" or "docx" (any case); null for anything else.</summary>
    public static OutputFormat? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "pdf" => OutputFormat.Pdf,
        "docx" => OutputFormat.Docx,
        _ => null,
    };
}
