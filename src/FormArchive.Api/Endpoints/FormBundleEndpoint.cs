using System.Text.Json;
using FormArchive.Api.Access;
using FormArchive.Api.Forms;
using FormArchive.Api.Http;
using FormArchive.Api.Work;
using FormArchive.Domain;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates.Printing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// POST /api/forms/render?format=zip: several forms at once (<see cref="FormBundleRequest"/>), as one ZIP
/// (<see cref="FormZip"/>). All or nothing: every form is looked up and its data checked before any is rendered,
/// and a fault anywhere is one problem response listing every fault.
/// </summary>
public static class FormBundleEndpoint
{
    /// <summary>Room for several forms' case data, each far below <see cref="FormEndpoints.MaxDataBytes"/> in practice.</summary>
    public const int MaxBodyBytes = 4 * FormEndpoints.MaxDataBytes;

    /// <summary>Maps the route under /api/forms; the same keys as rendering one form.</summary>
    public static void MapFormBundleEndpoint(this RouteGroupBuilder forms) =>
        forms.MapPost("/render", Render)
            .RequireAuthorization(AccessPolicies.FormRenderer)
            .AcceptsJson<FormBundleRequest>(MaxBodyBytes)
            .WithName("RenderForms")
            .WithSummary("Render several forms at once into one ZIP (JSON body: forms, data, documents=pdf|docx|both); format=zip");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Render(
        string? format, HttpRequest request, FormPrinter printer, CancellationToken cancel)
    {
        if (format is not null && !format.Trim().Equals(FormZip.Format, StringComparison.OrdinalIgnoreCase))
            return Problems.BadRequest("不支持的格式", $"多个表单只能以 format=zip 生成，而不是“{format}”。");
        var body = JsonBody.Of<FormBundleRequest>(request.HttpContext);

        IReadOnlyList<FormBundleItem> items;
        IReadOnlyList<OutputFormat> formats;
        try
        {
            items = body.Items();
            formats = body.Formats();
        }
        catch (JsonException e)
        {
            return JsonBody.Invalid(e);
        }
        if (Check(items, printer) is { } rejected) return rejected;

        return await GatedWork.RunAsync<Results<FileContentHttpResult, ProblemHttpResult>>(request.HttpContext, () =>
        {
            var printed = new List<IReadOnlyList<PrintedForm>>(items.Count);
            foreach (var item in items)
            {
                cancel.ThrowIfCancellationRequested();
                printed.Add(printer.Print(item.FormId, item.Data, formats));
            }
            return Task.FromResult<Results<FileContentHttpResult, ProblemHttpResult>>(
                TypedResults.File(FormZip.Write(printed), FormZip.ContentType, FormZip.FileName(printed)));
        });
    }

    /// <summary>
    /// 404 for the first unknown form; else 400 listing every schema error of every form, each with the form id and
    /// its JSON path in the request body (<c>$.forms[1].data.members[0].id_number</c>, or <c>$.data.…</c> for the
    /// shared data); else null.
    /// </summary>
    private static ProblemHttpResult? Check(IReadOnlyList<FormBundleItem> items, FormPrinter printer)
    {
        for (var i = 0; i < items.Count; i++)
            if (!printer.Catalog.TryGet(items[i].FormId, out _))
                return Problems.Create(StatusCodes.Status404NotFound, "未找到表单", $"$.forms[{i}]：没有编号为“{items[i].FormId}”的表单。",
                    new Dictionary<string, object?> { ["formId"] = items[i].FormId, ["path"] = $"$.forms[{i}]" });

        // Shared data checked for the same form twice gives the same errors twice: keep one.
        var errors = items
            .SelectMany(item => printer.Validate(item.FormId, item.Data)
                .Select(e => new { formId = item.FormId, path = item.PathInRequest(e.Path), message = IdNumberMasking.MaskInText(e.Message) }))
            .Distinct().ToList();
        if (errors.Count == 0) return null;
        var first = errors[0];
        return Problems.Create(StatusCodes.Status400BadRequest, "案件数据有误",
            $"{errors.Select(e => e.formId).Distinct().Count()} 个表单的数据共有 {errors.Count} 处错误；第一处（表单 {first.formId}）{first.path}：{first.message}",
            new Dictionary<string, object?> { ["errors"] = errors });
    }
}
