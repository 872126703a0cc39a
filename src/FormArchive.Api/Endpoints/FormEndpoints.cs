using FormArchive.Api.Access;
using FormArchive.Api.Forms;
using FormArchive.Archive.Access;
using FormArchive.Api.Work;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

namespace FormArchive.Api.Endpoints;

/// <summary>/api/forms: the catalog, each form's schema, and rendering case data to PDF, DOCX or a ZIP of both.</summary>
public static class FormEndpoints
{
    /// <summary>Case data for one form is small; anything bigger is a mistake or an attack.</summary>
    public const int MaxDataBytes = 1 << 20;

    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms");
        forms.MapGet("", (TemplateCatalog catalog) => catalog.Forms.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => f.Metadata));
        forms.MapGet("/{id}", (string id, TemplateCatalog catalog) => Problems.Guard(() => Results.Ok(catalog.Get(id).Metadata)));
        forms.MapGet("/{id}/schema", (string id, TemplateCatalog catalog) =>
            Problems.Guard(() => Results.Text(catalog.Get(id).SchemaJson, "application/schema+json")));
        // Rendering costs CPU and takes case data: it needs a key (integrator, or clerk) and a work slot.
        forms.MapPost("/{id}/render", Render).RequireRoles(Role.Integrator, Role.Clerk);
        forms.MapFormBundleEndpoint();
    }

    /// <summary>format=pdf or docx: that document; format=zip: a ZIP with both (<see cref="FormZip"/>).</summary>
    private static async Task<IResult> Render(string id, string? format, HttpRequest request, FormPrinter printer, CancellationToken cancel)
    {
        var zip = string.Equals(format?.Trim(), FormZip.Format, StringComparison.OrdinalIgnoreCase);
        IReadOnlyList<OutputFormat>? formats = zip ? [OutputFormat.Pdf, OutputFormat.Docx] : OutputFormats.Parse(format ?? "pdf") is { } one ? [one] : null;
        if (formats is null)
            return Problems.BadRequest("Unsupported format", $"format must be pdf, docx or zip, not '{format}'");
        if (request.ContentLength > 0 && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send the case data as application/json");

        var body = await RequestBody.ReadLimitedAsync(request, MaxDataBytes, cancel);
        if (body is null)
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "案件数据过大", $"案件数据最多 {MaxDataBytes:N0} 字节。");

        var data = string.IsNullOrWhiteSpace(body) ? null : body;
        return await GatedWork.RunAsync(request.HttpContext, () => Task.FromResult(Problems.Guard(() =>
        {
            IReadOnlyList<IReadOnlyList<PrintedForm>> printed = [printer.Print(id, data, formats)];
            if (zip) return Results.File(FormZip.Write(printed), FormZip.ContentType, FormZip.FileName(printed));
            var document = printed[0][0];
            return Results.File(document.Document.Content, document.Document.Format.ContentType(), document.FileName);
        })));
    }
}
