using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Endpoints;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;

namespace FormArchive.Api.Cases;

/// <summary>A request's view of one case: who asks, the archive, the case as of now.</summary>
public sealed record CaseContext(Caller Caller, ArchiveHost Host, CaseManifest Case, HttpContext Http)
{
    public CaseArchive Archive => Host.Archive;
    public CancellationToken Cancel => Http.RequestAborted;

    /// <summary>Set by the handler: what the audit line says about the request (ID numbers are masked anyway).</summary>
    public string Detail { get; set; } = "";
}

/// <summary>
/// Every case endpoint goes through here: the case is loaded, the caller's township scope checked (other
/// townships' cases answer 404), archive errors become problem details, and the request is audited
/// whatever its outcome.
/// </summary>
public static class CaseAccess
{
    /// <param name="unreadable">
    /// When true, a case whose log cannot be read at all (its first event destroyed, so not even its township is
    /// known) is still handed to <paramref name="work"/> as an empty, damaged case — for callers who see every
    /// township (archivists) only — so that verify can report it instead of answering an error.
    /// </param>
    public static async Task<IResult> RunAsync(HttpContext http, string caseId, string action, Func<CaseContext, Task<IResult>> work, bool unreadable = false)
    {
        var caller = Caller.Required(http);
        var host = http.RequestServices.GetRequiredService<ArchiveHost>();
        string detail = "";
        async Task<IResult> Scoped()
        {
            CaseManifest m;
            try
            {
                m = await host.Archive.GetManifestAsync(caseId, http.RequestAborted);
            }
            catch (ArchiveCorruptException e) when (unreadable && caller.Key.Role == Role.Archivist)
            {
                m = new CaseManifest { CaseId = caseId, Metadata = new CaseMetadata { CaseId = caseId }, Damage = e.Message };
            }
            if (!caller.MaySee(m.Metadata))
            {
                detail = "outside the caller's township";
                return Problems.CaseNotFound(caseId);
            }
            var context = new CaseContext(caller, host, m, http);
            try { return await work(context); }
            finally { detail = context.Detail; }
        }

        IResult result;
        try
        {
            result = await Problems.GuardAsync(Scoped);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // Over the time limit or the client went away: audited all the same, then the timeout middleware answers 504.
            Audit(http, caller, action, caseId, detail + " (stopped: time limit or client gone)", Results.StatusCode(StatusCodes.Status504GatewayTimeout));
            throw;
        }
        Audit(http, caller, action, caseId, detail, result);
        return result;
    }

    public static void Audit(HttpContext http, Caller caller, string action, string? caseId, string detail, IResult result) =>
        http.RequestServices.GetRequiredService<AuditLog>().Record(caller, action, caseId, detail, StatusOf(result));

    public static int StatusOf(IResult result) => result is IStatusCodeHttpResult { StatusCode: { } s } ? s : StatusCodes.Status200OK;
}
