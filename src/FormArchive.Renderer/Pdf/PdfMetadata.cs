namespace FormArchive.Renderer.Pdf;

/// <summary>Document-level metadata written to both the Info dictionary and the XMP stream.</summary>
public sealed record PdfMetadata(
    string Title,
    string? Subject = null,
    string? Author = null,
    string? Keywords = null,
    string Producer = "FormArchive",
    DateTimeOffset? Created = null);
