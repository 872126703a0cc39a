using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Http;

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
}
