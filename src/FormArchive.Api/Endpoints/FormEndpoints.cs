using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Api.Work;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

namespace FormArchive.Api.Endpoints;

/// <summary>/api/forms: the catalog, each form's schema, and rendering case data to PDF or DOCX.</summary>
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
    }

    private static async Task<IResult> Render(string id, string? format, HttpRequest request, FormPrinter printer, CancellationToken cancel)
    {
        var outputFormat = OutputFormats.Parse(format ?? "pdf");
        if (outputFormat is null)
            return Problems.BadRequest("Unsupported format", $"format must be pdf or docx, not '{format}'");
        if (request.ContentLength > 0 && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send the case data as application/json");

        var body = await RequestBody.ReadLimitedAsync(request, MaxDataBytes, cancel);
        if (body is null)
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "Case data too large", $"case data may be at most {MaxDataBytes:N0} bytes");

        return await GatedWork.RunAsync(request.HttpContext, () => Task.FromResult(Problems.Guard(() =>
        {
            var printed = printer.Print(id, string.IsNullOrWhiteSpace(body) ? null : body, outputFormat.Value);
            return Results.File(printed.Document.Content, outputFormat.Value.ContentType(), printed.FileName);
        })));
    }
}
