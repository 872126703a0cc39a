using FormArchive.Domain;
using Microsoft.AspNetCore.Mvc;

namespace FormArchive.Api.Http;

/// <summary>
/// The last word on every problem the framework writes (an unknown route, a wrong method, an unhandled exception,
/// a parameter that does not bind, and <see cref="Problems.Create"/>'s own): a title the framework left in English
/// becomes Chinese by its status, a missing detail is filled in, and ID numbers in the texts are masked.
/// Status, type and extension members are left as they are.
/// </summary>
public static class ProblemDefaults
{
    public static void Apply(ProblemDetailsContext context) => Apply(context.ProblemDetails);

    public static void Apply(ProblemDetails problem)
    {
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (!ProblemText.IsChinese(problem.Title)) problem.Title = TitleOf(status);
        problem.Detail ??= DetailOf(status);
        problem.Title = IdNumberMasking.MaskInText(problem.Title);
        problem.Detail = IdNumberMasking.MaskInText(problem.Detail);
    }

    /// <summary>The Chinese title for a status when no one gave a better one.</summary>
    public static string TitleOf(int status) => status switch
    {
        400 => "请求有误",
        401 => "需要访问密钥",
        403 => "无权操作",
        404 => "未找到",
        405 => "不支持此请求方法",
        406 => "无法按要求的格式答复",
        408 => "请求超时",
        409 => "与当前状态冲突",
        413 => "请求过大",
        415 => "不支持的媒体类型",
        422 => "无法处理的内容",
        429 => "请求过多",
        500 => "服务内部错误",
        503 => "服务暂不可用",
        504 => "请求超时",
        _ => status >= 500 ? "服务出错" : "请求无法完成",
    };

    private static string DetailOf(int status) => status switch
    {
        404 => "没有这个地址或资源。",
        405 => "此地址不接受这种请求方法。",
        500 => "服务处理请求时出错，请稍后重试；问题持续时请联系管理员。",
        _ => TitleOf(status) + "。",
    };
}
