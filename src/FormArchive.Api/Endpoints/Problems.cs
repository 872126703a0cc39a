using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Markup;
using FormArchive.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>RFC 7807 problem details for every error a client can cause.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult BadRequest(string title, string detail) => Create(StatusCodes.Status400BadRequest, title, detail);

    /// <summary>Runs an action and maps the domain's exceptions to problem responses.</summary>
    public static IResult Guard(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (FormNotFoundException e)
        {
            return Create(StatusCodes.Status404NotFound, "Form not found", e.Message);
        }
        catch (FormDataException e)
        {
            // Each error names the JSON path, so the calling system can point at the field.
            var errors = e.Errors.Select(x => new { path = x.Path, message = x.Message }).ToList();
            return Create(StatusCodes.Status400BadRequest, "Invalid case data",
                $"{e.Errors.Count} problem(s) in the data for {e.FormId}; first: {e.Errors[0].Path}: {e.Errors[0].Message}",
                new Dictionary<string, object?> { ["formId"] = e.FormId, ["errors"] = errors });
        }
        catch (Exception e) when (e is MarkupException or LayoutException or TemplateRenderException)
        {
            return Create(StatusCodes.Status500InternalServerError, "Form could not be rendered", e.Message);
        }
    }

    /// <summary>
    /// What Kestrel reports about a request body (a client sending too slowly: 408; too much: 413) as problem
    /// details, instead of an unhandled exception, a 500 and an error-level stack trace.
    /// </summary>
    public static ProblemHttpResult FromBadRequest(BadHttpRequestException e) => e.StatusCode switch
    {
        StatusCodes.Status408RequestTimeout => Create(e.StatusCode, "Request body too slow", "the request body arrived too slowly and was not read to the end; send it again"),
        StatusCodes.Status413PayloadTooLarge => Create(e.StatusCode, "Request too large", e.Message),
        _ => Create(e.StatusCode, "Bad request", e.Message),
    };

    /// <summary>
    /// <see cref="Guard"/> for async work, also mapping the archive's exceptions: a write to a sealed case is
    /// 409, an unknown case 404, a store that cannot be reached 503.
    /// </summary>
    public static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (CaseSealedForStagesException e)
        {
            return Create(StatusCodes.Status409Conflict, "案件已封存", e.Message, new Dictionary<string, object?> { ["caseId"] = e.CaseId });
        }
        catch (StoredStageLogException e)
        {
            // The stored steps, not the request, are at fault: the archivist has to look at the case.
            return Create(StatusCodes.Status409Conflict, "存档的办理记录有误", e.Message, new Dictionary<string, object?> { ["caseId"] = e.CaseId, ["entry"] = e.Entry });
        }
        catch (CaseworkException e)
        {
            return Create(StatusCodes.Status422UnprocessableEntity, "办理环节不符合程序", e.Message);
        }
        catch (CaseSealedException e)
        {
            return Create(StatusCodes.Status409Conflict, "Case is sealed", e.Message, new Dictionary<string, object?> { ["caseId"] = e.CaseId });
        }
        catch (CaseExistsException e)
        {
            return Create(StatusCodes.Status409Conflict, "Case exists", e.Message, new Dictionary<string, object?> { ["caseId"] = e.CaseId });
        }
        catch (CaseNotFoundException e)
        {
            return Create(StatusCodes.Status404NotFound, "Case not found", e.Message);
        }
        catch (BadHttpRequestException e)
        {
            return FromBadRequest(e);
        }
        catch (CaseDamagedException e)
        {
            return Create(StatusCodes.Status409Conflict, "Case is damaged", e.Message, new Dictionary<string, object?> { ["caseId"] = e.CaseId, ["damage"] = e.Damage });
        }
        catch (ArchiveCorruptException e)
        {
            // Stored data, not the service, is at fault, and the archivist's verify names it: not a 500.
            return Create(StatusCodes.Status409Conflict, "Stored case data is damaged", e.Message + " (run verify)");
        }
        catch (ArchiveStorageException e)
        {
            return Create(StatusCodes.Status503ServiceUnavailable, "Archive store unavailable", e.Message);
        }
        catch (ArgumentException e)
        {
            return BadRequest("Invalid request", e.Message);
        }
        catch (Exception e) when (e is FormNotFoundException or FormDataException or MarkupException or LayoutException or TemplateRenderException)
        {
            return Guard(() => throw e);
        }
    }
}
