using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Http;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Stages;

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
        var procedure = http.RequestServices.GetRequiredService<CaseProcedure>();
        if (!caller.MaySee(m, procedure.Settings.Counties))
        {
            audit.Detail = caller.Key.County is null ? "outside the caller's township" : "outside the caller's county or not submitted";
            return Problems.CaseNotFound(caseId);
        }
        if (await WithCountyAsync(caller, m, procedure, http) is { } frozen) return frozen;
        http.RequestServices.GetRequiredService<CaseContext>().Enter(caller, host, m, http);
        return await next(context);
    }

    /// <summary>
    /// From 报送审批 until the county returns or decides, the file is the county's: a township's change (a scan, case
    /// data, a correction, a form, sealing) is refused (409). Reads go on, and steps are the stage rules' to refuse,
    /// with their reasons — the routes the county desk shares (<see cref="CountyDesk"/>) are exactly those.
    /// </summary>
    private static async Task<IResult?> WithCountyAsync(Caller caller, CaseManifest m, CaseProcedure procedure, HttpContext http)
    {
        if (!caller.IsTownshipClerk || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return null;
        if (CountyDesk.Serves(http) || !StageRecords.Holds(m, FormArchive.Casework.CaseEventKind.Submitted)) return null;
        bool withCounty;
        try { withCounty = (await procedure.ReportAsync(m, http.RequestAborted)).WithCounty; }
        catch (Exception e) when (e is StoredStageLogException or FormArchive.Casework.CaseworkException) { return null; } // the handler reports the log
        if (!withCounty) return null;
        http.RequestServices.GetRequiredService<RequestAudit>().Detail = "frozen: with the county";
        return Problems.Create(StatusCodes.Status409Conflict, "案件已报送县（区）民政局审批",
            $"案件 {m.CaseId} 已报送县（区）民政局审批，县（区）民政局只依据报送时的电子档案审批；在退回补正或作出决定之前，乡镇（街道）不能修改案卷。");
    }
}

/// <summary>
/// Endpoint metadata: a case whose log cannot be read at all (its first event destroyed) is still handed to the
/// handler as an empty, damaged case — for callers who see every township (archivists) only.
/// </summary>
public sealed record UnreadableCaseAllowed;
