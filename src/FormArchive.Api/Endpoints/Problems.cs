using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Markup;
using FormArchive.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>RFC 7807 problem details for every error a client can cause.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var result = TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
        // Also here, not only in the ProblemDetailsService: a client that does not accept JSON bypasses it.
        ProblemDefaults.Apply(result.ProblemDetails);
        return result;
    }

    public static ProblemHttpResult BadRequest(string title, string detail) => Create(StatusCodes.Status400BadRequest, title, detail);

    /// <summary>404 for a case the caller may not see or that does not exist: the same words either way.</summary>
    public static ProblemHttpResult CaseNotFound(string caseId) => Create(StatusCodes.Status404NotFound, "未找到案件", $"没有编号为 {caseId} 的案件。");

    /// <summary>An argument refused below the API: its message when it is already Chinese, else a plain Chinese sentence (the English one is for developers).</summary>
    private static string ArgumentProblem(ArgumentException e)
    {
        // .NET appends " (Parameter 'x')" and an actual-value line to the message; the clerk needs neither.
        var message = e.Message.Split('\n')[0];
        if (e.ParamName is { } name && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)) message = message[..^$" (Parameter '{name}')".Length];
        return ProblemText.IsChinese(message) ? message.Trim() : "请求中有无效的值。";
    }

    /// <summary>Runs an action and maps the domain's exceptions to problem responses; a template fault is logged for the admin (through <paramref name="http"/>'s services).</summary>
    public static IResult Guard(Func<IResult> action, HttpContext? http = null)
    {
        try
        {
            return action();
        }
        catch (FormNotFoundException e)
        {
            return Create(StatusCodes.Status404NotFound, "未找到表单", e.Message);
        }
        catch (FormDataException e)
        {
            // Each error names the JSON path, so the calling system can point at the field.
            var errors = e.Errors.Select(x => new { path = x.Path, message = IdNumberMasking.MaskInText(x.Message) }).ToList();
            return Create(StatusCodes.Status400BadRequest, "案件数据有误",
                $"表单 {e.FormId} 的数据有 {e.Errors.Count} 处错误；第一处 {e.Errors[0].Path}：{e.Errors[0].Message}",
                new Dictionary<string, object?> { ["formId"] = e.FormId, ["errors"] = errors });
        }
        catch (Exception e) when (e is MarkupException or LayoutException or TemplateRenderException)
        {
            // The template, not the request, is at fault: the message is for the admin's log (ID numbers masked), not the clerk.
            http?.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("FormArchive.Api.Forms")
                .LogError("form could not be rendered: {ExceptionType}: {Message}", e.GetType().Name, IdNumberMasking.MaskInText(e.Message));
            return Create(StatusCodes.Status500InternalServerError, "表单无法生成", "表单模板有误，无法生成文档；请联系管理员。");
        }
    }

    /// <summary>
    /// What Kestrel reports about a request body (a client sending too slowly: 408; too much: 413) as problem
    /// details, instead of an unhandled exception, a 500 and an error-level stack trace.
    /// </summary>
    public static ProblemHttpResult FromBadRequest(BadHttpRequestException e) => e.StatusCode switch
    {
        StatusCodes.Status408RequestTimeout => Create(e.StatusCode, "请求体传送过慢", "请求体传送过慢，未能读完；请重新发送。"),
        StatusCodes.Status413PayloadTooLarge => Create(e.StatusCode, "请求过大", "请求体超过了服务允许的大小。"),
        _ => Create(e.StatusCode, "请求有误", "服务无法读取此请求。"),
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
            return Create(StatusCodes.Status409Conflict, "案件已封存", $"案件 {e.CaseId} 已封存，不能再更改；更正请归入补充卷。", new Dictionary<string, object?> { ["caseId"] = e.CaseId });
        }
        catch (CaseExistsException e)
        {
            return Create(StatusCodes.Status409Conflict, "案件已存在", $"案件 {e.CaseId} 已存在。", new Dictionary<string, object?> { ["caseId"] = e.CaseId });
        }
        catch (CaseNotFoundException e)
        {
            return CaseNotFound(e.CaseId);
        }
        catch (BadHttpRequestException e)
        {
            return FromBadRequest(e);
        }
        catch (CaseDamagedException e)
        {
            // "damage" keeps the archive's own words for the archivist; the detail says what it means.
            return Create(StatusCodes.Status409Conflict, "案件数据已损坏", $"案件 {e.CaseId} 的存档数据已损坏，不能更改或封存；请运行核验（verify）查看完整报告。", new Dictionary<string, object?> { ["caseId"] = e.CaseId, ["damage"] = e.Damage });
        }
        catch (ArchiveCorruptException e)
        {
            // Stored data, not the service, is at fault, and the archivist's verify names it: not a 500.
            // "damage" (as for a damaged case) keeps the archive's own words, masked: they name the case.
            return Create(StatusCodes.Status409Conflict, "存档数据已损坏", "存档的案件数据无法按原样读取；请档案员运行核验（verify）查看详情。",
                new Dictionary<string, object?> { ["damage"] = IdNumberMasking.MaskInText(e.Message) });
        }
        catch (ArchiveStorageException)
        {
            // The store's address and object keys are not the caller's business.
            return Create(StatusCodes.Status503ServiceUnavailable, "档案存储不可用", "档案存储暂时无法访问，请稍后重试。");
        }
        catch (ArgumentException e)
        {
            return BadRequest("请求有误", ArgumentProblem(e));
        }
        catch (Exception e) when (e is FormNotFoundException or FormDataException or MarkupException or LayoutException or TemplateRenderException)
        {
            return Guard(() => throw e);
        }
    }
}
