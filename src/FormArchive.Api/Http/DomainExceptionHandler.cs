using Microsoft.AspNetCore.Diagnostics;

namespace FormArchive.Api.Http;

/// <summary>A domain exception no endpoint answered becomes its problem from <see cref="DomainProblems"/>; others stay 500s.</summary>
public sealed class DomainExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (DomainProblems.Of(exception, http) is not { } problem) return false;
        await problem.ExecuteAsync(http);
        return true;
    }
}
