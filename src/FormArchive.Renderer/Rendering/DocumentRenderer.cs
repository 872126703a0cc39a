using FormArchive.Renderer.Docx;
using FormArchive.Renderer.Markup;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Renderer.Rendering;

/// <summary>Markup or a parsed document → the bytes of one output format.</summary>
public sealed class DocumentRenderer(FontLibrary? fonts = null)
{
    private readonly FontLibrary _fonts = fonts ?? FontLibrary.Default;

    public RenderedDocument Render(string markup, OutputFormat format) => Render(MarkupParser.Parse(markup), format);

    public RenderedDocument Render(DocumentModel document, OutputFormat format)
    {
        if (format == OutputFormat.Docx) return new RenderedDocument(format, DocxWriter.ToArray(document, _fonts), null);
        var bytes = PdfRenderer.Render(document, out var pages, _fonts);
        return new RenderedDocument(format, bytes, pages);
    }
}

/// <summary>Rendered bytes; <see cref="PageCount"/> is known for PDF (Word paginates DOCX itself).</summary>
public sealed record RenderedDocument(OutputFormat Format, byte[] Content, int? PageCount);
