using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Casework.Stages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/cases/{caseId}/progress: stage, deadlines with their legal basis, warnings and timeline (China time).</summary>
public static class CaseProgressEndpoints
{
    public static void MapCaseProgressEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCaseGroup().MapGet("/progress", Progress)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .WithAuditAction("case.progress")
            .AllowCountyDesk()
            .WithName("GetCaseProgress")
            .WithSummary("Where the case stands: stage, deadlines with legal basis, warnings, timeline (dates in China time)")
            .WithTags("Casework");
    }

    private static async Task<Results<Ok<CaseProgressReport>, ProblemHttpResult>> Progress(CaseContext c, CaseProcedure procedure) =>
        TypedResults.Ok(await procedure.ReportAsync(c.Case, c.Cancel));
}
