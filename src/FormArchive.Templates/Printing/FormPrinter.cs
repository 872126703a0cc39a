using FormArchive.Renderer.Markup;
using FormArchive.Renderer.Rendering;

namespace FormArchive.Templates.Printing;

/// <summary>
/// Form id + case data → a printable file: validate and fill the template, parse its markup, render.
/// The one path the CLI, the HTTP service and the benchmark all use.
/// </summary>
public sealed class FormPrinter(TemplateCatalog catalog, FormRenderer templates, DocumentRenderer renderer)
{
    public TemplateCatalog Catalog => catalog;

    /// <summary>Renders <paramref name="formId"/> with <paramref name="jsonData"/> (null or empty: a blank paper form).</summary>
    /// <exception cref="FormNotFoundException">No such form.</exception>
    /// <exception cref="FormDataException">The data is not JSON or fails the form's schema or rules.</exception>
    public PrintedForm Print(string formId, string? jsonData, OutputFormat format) => Print(formId, jsonData, [format])[0];

    /// <summary>
    /// Renders <paramref name="formId"/> once into each of <paramref name="formats"/> (the template is filled and
    /// parsed once), in that order.
    /// </summary>
    /// <exception cref="FormNotFoundException">No such form.</exception>
    /// <exception cref="FormDataException">The data is not JSON or fails the form's schema or rules.</exception>
    public IReadOnlyList<PrintedForm> Print(string formId, string? jsonData, IReadOnlyList<OutputFormat> formats)
    {
        var form = catalog.Get(formId);
        var markup = templates.RenderMarkup(form, jsonData);
        var document = MarkupParser.Parse(markup);
        return formats.Select(format => new PrintedForm(form.Metadata, renderer.Render(document, format))).ToList();
    }

    /// <summary>
    /// The problems <see cref="Print(string, string?, OutputFormat)"/> would reject <paramref name="jsonData"/> for,
    /// without rendering; empty when it would print.
    /// </summary>
    /// <exception cref="FormNotFoundException">No such form.</exception>
    public IReadOnlyList<FormDataError> Validate(string formId, string? jsonData) => templates.Validate(catalog.Get(formId), jsonData);
}

/// <summary>A rendered form. <see cref="FileName"/> is the printed title, which is what clerks look for.</summary>
public sealed record PrintedForm(FormMetadata Form, RenderedDocument Document)
{
    public string FileName => Form.Title + Document.Format.Extension();

    /// <summary>An ASCII-only name for file systems and tools that mangle Chinese names.</summary>
    public string AsciiFileName => Form.Id + Document.Format.Extension();
}
