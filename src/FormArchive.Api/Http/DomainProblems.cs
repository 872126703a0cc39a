using FormArchive.Api.Work;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Casework;
using FormArchive.Casework.EconomicVerification;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Markup;
using FormArchive.Templates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Http;

/// <summary>
/// The one table from the domain's exceptions to problem details, used by <see cref="DomainExceptionHandler"/> and by
/// <see cref="Audit.AuditFilter"/> (which needs the status for the audit line). Null: not a domain exception.
/// </summary>
public static class DomainProblems
{
    /// <param name="http">The request answered: a template fault is logged, a busy gate's Retry-After set. Null: the problem only (for metrics).</param>
    public static ProblemHttpResult? Of(Exception exception, HttpContext? http = null) => exception switch
    {
        FormNotFoundException e => Problems.Create(StatusCodes.Status404NotFound, "未找到表单", e.Message),
        // Each error names the JSON path, so the calling system can point at the field.
        FormDataException e => Problems.Create(StatusCodes.Status400BadRequest, "案件数据有误",
            $"表单 {e.FormId} 的数据有 {e.Errors.Count} 处错误；第一处 {e.Errors[0].Path}：{e.Errors[0].Message}",
            new Dictionary<string, object?>
            {
                ["formId"] = e.FormId,
                ["errors"] = e.Errors.Select(x => new { path = x.Path, message = IdNumberMasking.MaskInText(x.Message) }).ToList(),
            }),
        MarkupException or LayoutException or TemplateRenderException => TemplateFault(exception, http),
        CaseSealedForStagesException e => Problems.Create(StatusCodes.Status409Conflict, "案件已封存", e.Message, CaseIdOf(e.CaseId)),
        // The stored steps, not the request, are at fault: the archivist has to look at the case.
        StoredStageLogException e => Problems.Create(StatusCodes.Status409Conflict, "存档的办理记录有误", e.Message,
            new Dictionary<string, object?> { ["caseId"] = e.CaseId, ["entry"] = e.Entry }),
        // A refused submission lists what the electronic file lacks, for the desk to show one a line.
        CaseworkException { MissingMaterials.Count: > 0 } e => Problems.Create(StatusCodes.Status422UnprocessableEntity, "办理环节不符合程序", e.Message,
            new Dictionary<string, object?> { ["missingMaterials"] = e.MissingMaterials }),
        CaseworkException e => Problems.Create(StatusCodes.Status422UnprocessableEntity, "办理环节不符合程序", e.Message),
        CaseSealedException e => Problems.Create(StatusCodes.Status409Conflict, "案件已封存", $"案件 {e.CaseId} 已封存，不能再更改；更正请归入补充卷。", CaseIdOf(e.CaseId)),
        CaseExistsException e => Problems.Create(StatusCodes.Status409Conflict, "案件已存在", $"案件 {e.CaseId} 已存在。", CaseIdOf(e.CaseId)),
        CaseNotFoundException e => Problems.CaseNotFound(e.CaseId),
        BadHttpRequestException e => Problems.FromBadRequest(e),
        // "damage" keeps the archive's own words for the archivist; the detail says what it means.
        CaseDamagedException e => Problems.Create(StatusCodes.Status409Conflict, "案件数据已损坏", $"案件 {e.CaseId} 的存档数据已损坏，不能更改或封存；请运行核验（verify）查看完整报告。",
            new Dictionary<string, object?> { ["caseId"] = e.CaseId, ["damage"] = e.Damage }),
        // Stored data, not the service, is at fault, and the archivist's verify names it: not a 500. Masked: it names the case.
        ArchiveCorruptException e => Problems.Create(StatusCodes.Status409Conflict, "存档数据已损坏", "存档的案件数据无法按原样读取；请档案员运行核验（verify）查看详情。",
            new Dictionary<string, object?> { ["damage"] = IdNumberMasking.MaskInText(e.Message) }),
        // The store's address and object keys are not the caller's business.
        ArchiveStorageException => Problems.Create(StatusCodes.Status503ServiceUnavailable, "档案存储不可用", "档案存储暂时无法访问，请稍后重试。"),
        WorkGateFullException e => Busy(e, http),
        // Each error names the field in Chinese (收入第 2 项的金额（元）), as the 核对机构's people read their report.
        VerificationDataException e => Problems.Create(StatusCodes.Status400BadRequest, "核对数据有误", IdNumberMasking.MaskInText(e.Message),
            new Dictionary<string, object?>
            {
                ["errors"] = e.Problems.Select(x => new { field = x.Field, message = IdNumberMasking.MaskInText(x.Message) }).ToList(),
            }),
        ArgumentException e => Problems.BadRequest("请求有误", ArgumentProblem(e)),
        _ => null,
    };

    private static Dictionary<string, object?> CaseIdOf(string caseId) => new() { ["caseId"] = caseId };

    /// <summary>The template, not the request, is at fault: the message is for the admin's log (ID numbers masked), not the clerk.</summary>
    private static ProblemHttpResult TemplateFault(Exception e, HttpContext? http)
    {
        http?.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("FormArchive.Api.Forms")
            .LogError("form could not be rendered: {ExceptionType}: {Message}", e.GetType().Name, IdNumberMasking.MaskInText(e.Message));
        return Problems.Create(StatusCodes.Status500InternalServerError, "表单无法生成", "表单模板有误，无法生成文档；请联系管理员。");
    }

    private static ProblemHttpResult Busy(WorkGateFullException e, HttpContext? http)
    {
        if (http is not null) http.Response.Headers.RetryAfter = e.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Create(StatusCodes.Status503ServiceUnavailable, "服务繁忙",
            $"全部 {e.MaxConcurrent} 个生成/识别通道已占满且排队已满，请 {e.RetryAfterSeconds} 秒后重试。");
    }

    /// <summary>
    /// An argument refused below the API: its message when it is already Chinese, else a plain Chinese sentence (the English one is for
    /// developers).
    /// </summary>
    private static string ArgumentProblem(ArgumentException e)
    {
        // .NET appends " (Parameter 'x')" and an actual-value line to the message; the clerk needs neither.
        var message = e.Message.Split('\n')[0];
        if (e.ParamName is { } name && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal))
            message = message[..^$" (Parameter '{name}')".Length];
        return ProblemText.IsChinese(message) ? message.Trim() : "请求中有无效的值。";
    }
}
