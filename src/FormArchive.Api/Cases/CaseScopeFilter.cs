using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Http;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;

namespace FormArchive.Api.Cases;

/// <summary>
/// Loads the route's case into the request's <see cref="CaseContext"/> and checks the caller's township scope: a
/// case of another township answers 404 with the same words as one that does not exist.
/// </summary>
public sealed class CaseScopeFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caseId = http.GetRouteValue("caseId") as string ?? throw new InvalidOperationException("case endpoint without {caseId}");
        var caller = Caller.Required(http);
        var host = http.RequestServices.GetRequiredService<ArchiveHost>();
        var audit = http.RequestServices.GetRequiredService<RequestAudit>();
        audit.CaseId = caseId;
        CaseManifest m;
        try
        {
            m = await host.Archive.GetManifestAsync(caseId, http.RequestAborted);
        }
        catch (ArchiveCorruptException e)
            when (caller.Key.Role == Role.Archivist && http.GetEndpoint()?.Metadata.GetMetadata<UnreadableCaseAllowed>() is not null)
        {
            // Not even its township is known: handed on as an empty, damaged case, so that verify can report it.
            m = new CaseManifest { CaseId = caseId, Metadata = new CaseMetadata { CaseId = caseId }, Damage = e.Message };
        }
        if (!caller.MaySee(m.Metadata))
        {
            audit.Detail = "outside the caller's township";
            return Problems.CaseNotFound(caseId);
        }
        http.RequestServices.GetRequiredService<CaseContext>().Enter(caller, host, m, http);
        return await next(context);
    }
}

/// <summary>
/// Endpoint metadata: a case whose log cannot be read at all (its first event destroyed) is still handed to the
/// handler as an empty, damaged case — for callers who see every township (archivists) only.
/// </summary>
public sealed record UnreadableCaseAllowed;
