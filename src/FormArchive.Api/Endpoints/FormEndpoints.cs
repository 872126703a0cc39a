using FormArchive.Api.Access;
using FormArchive.Api.Forms;
using FormArchive.Api.Http;
using FormArchive.Api.Work;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>/api/forms: the catalog, each form's schema, and rendering case data to PDF, DOCX or a ZIP of both.</summary>
public static class FormEndpoints
{
    /// <summary>Case data for one form is small; anything bigger is a mistake or an attack.</summary>
    public const int MaxDataBytes = 1 << 20;

    public static void MapFormEndpoints(this IEndpointRouteBuilder app)
    {
        var forms = app.MapGroup("/api/forms").WithTags("Forms");
        forms.MapGet("", List)
            .WithName("ListForms")
            .WithSummary("The form catalog");
        forms.MapGet("/{id}", Get)
            .WithName("GetForm")
            .WithSummary("One form's metadata");
        forms.MapGet("/{id}/schema", Schema)
            .WithName("GetFormSchema")
            .WithSummary("JSON schema of a form's case data");
        // Rendering costs CPU and takes case data: it needs a key (integrator, or clerk) and a work slot.
        forms.MapPost("/{id}/render", Render)
            .RequireAuthorization(AccessPolicies.FormRenderer)
            .AcceptsJsonText(MaxDataBytes, optional: true)
            .WithName("RenderForm")
            .WithSummary("Render case data (JSON body; empty for a blank form) to PDF or DOCX; format=pdf|docx|zip (zip: both)");
        forms.MapFormBundleEndpoint();
    }

    private static Ok<List<FormMetadata>> List(TemplateCatalog catalog) =>
        TypedResults.Ok(catalog.Forms.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => f.Metadata).ToList());

    private static Results<Ok<FormMetadata>, ProblemHttpResult> Get(string id, TemplateCatalog catalog) =>
        TypedResults.Ok(catalog.Get(id).Metadata); // an unknown form: DomainProblems' 404

    private static Results<ContentHttpResult, ProblemHttpResult> Schema(string id, TemplateCatalog catalog) =>
        TypedResults.Text(catalog.Get(id).SchemaJson, "application/schema+json");

    /// <summary>format=pdf or docx: that document; format=zip: a ZIP with both (<see cref="FormZip"/>).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Render(
        string id, string? format, HttpRequest request, FormPrinter printer, CancellationToken cancel)
    {
        var zip = string.Equals(format?.Trim(), FormZip.Format, StringComparison.OrdinalIgnoreCase);
        IReadOnlyList<OutputFormat>? formats = zip ? [OutputFormat.Pdf, OutputFormat.Docx] : OutputFormats.Parse(format ?? "pdf") is { } one ? [one] : null;
        if (formats is null)
            return Problems.BadRequest("不支持的格式", $"format 应为 pdf、docx 或 zip，而不是“{format}”。");

        var data = JsonBody.Text(request.HttpContext);
        return await GatedWork.RunAsync<Results<FileContentHttpResult, ProblemHttpResult>>(request.HttpContext, () =>
        {
            IReadOnlyList<IReadOnlyList<PrintedForm>> printed = [printer.Print(id, data, formats)];
            if (zip)
                return Task.FromResult<Results<FileContentHttpResult, ProblemHttpResult>>(
                    TypedResults.File(FormZip.Write(printed), FormZip.ContentType, FormZip.FileName(printed)));
            var document = printed[0][0];
            return Task.FromResult<Results<FileContentHttpResult, ProblemHttpResult>>(
                TypedResults.File(document.Document.Content, document.Document.Format.ContentType(), document.FileName));
        });
    }
}
