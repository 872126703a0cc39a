using FormArchive.Api.Access;
using FormArchive.Api.Http;

namespace FormArchive.Api.Audit;

/// <summary>
/// Audits a request after its handler ran, under the endpoint's <see cref="AuditAction"/>, with the status it
/// answers. A domain exception is answered here (from <see cref="DomainProblems"/>, the table the exception handler
/// uses) rather than rethrown: the audit line needs the status, and the problem keeps the response's headers.
/// A request stopped by its time limit (or a client gone) is audited as 504 before the timeout middleware answers.
/// </summary>
public sealed class AuditFilter : IEndpointFilter
{
    public const string Stopped = " (stopped: time limit or client gone)";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) => Around(next)(context);

    internal static EndpointFilterDelegate Around(EndpointFilterDelegate next) => async context =>
    {
        var http = context.HttpContext;
        object? result;
        try
        {
            result = await next(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Write(http, StatusCodes.Status504GatewayTimeout, Stopped);
            throw;
        }
        catch (Exception e) when (DomainProblems.Of(e, http) is { } problem)
        {
            result = problem;
        }
        Write(http, StatusOf(result), "");
        return result;
    };

    private static void Write(HttpContext http, int status, string suffix)
    {
        var action = http.GetEndpoint()?.Metadata.GetMetadata<AuditAction>()?.Name
            ?? throw new InvalidOperationException("audited endpoint has no AuditAction");
        var audit = http.RequestServices.GetRequiredService<RequestAudit>();
        http.RequestServices.GetRequiredService<AuditLog>().Record(Caller.Required(http), action, audit.CaseId, audit.Detail + suffix, status);
    }

    /// <summary>The status a handler's result answers: a Results&lt;…&gt; by the result it holds; no status given is 200.</summary>
    public static int StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        _ => StatusCodes.Status200OK,
    };
}
