using System.Text.Json;
using System.Text.Json.Serialization;
using FormArchive.Renderer.Markup;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;

namespace FormArchive.Archive.Printing;

/// <summary>
/// Prints the archive's own documents — 案卷封面, 卷内目录, 卷内备考表, 案卷办理过程 and the 四性检测报告 — from their
/// templates in <c>templates/archive/</c>, the way forms are printed: the data as JSON, checked against the template's
/// schema, fills the Scriban template; the markup goes through the layout engine to our PDF writer. The archive
/// computes what the pages say (counts, page ranges, dates in China time); the templates say where it goes.
/// </summary>
public sealed class ArchivePrinter(TemplateCatalog archiveTemplates)
{
    private static readonly Lazy<ArchivePrinter> Shared = new(() => new ArchivePrinter(TemplateCatalog.LoadArchive(TemplateCatalog.FindDefaultRoot())));

    /// <summary>The printer for the templates found as the forms are (<see cref="TemplateCatalog.FindDefaultRoot"/>), loaded once.</summary>
    public static ArchivePrinter Default => Shared.Value;

    private static readonly FormRenderer Templates = new();
    private static readonly DocumentRenderer Renderer = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Prints <c>archive.<paramref name="name"/></c> with <paramref name="data"/> (properties in snake_case).</summary>
    /// <exception cref="FormDataException">The data does not match the template's schema (a defect in the caller).</exception>
    public PrintedPages Print(string name, object data, DateTimeOffset? created = null)
    {
        var template = archiveTemplates.Get($"{TemplateCatalog.ArchiveFolder}.{name}");
        var markup = Templates.RenderMarkup(template, JsonSerializer.Serialize(data, data.GetType(), Json));
        var document = MarkupParser.Parse(markup);
        if (created is { } at) document = document with { Info = document.Info with { Created = at } };
        var pdf = Renderer.Render(document, OutputFormat.Pdf);
        return new PrintedPages(pdf.Content, pdf.PageCount ?? 0);
    }
}

/// <summary>A printed archive document: the PDF and how many pages it has (for bookmarks).</summary>
public sealed record PrintedPages(byte[] Pdf, int PageCount);
