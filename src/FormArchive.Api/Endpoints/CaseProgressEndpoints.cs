using FormArchive.Api.Access;
using FormArchive.Api.Cases;
using FormArchive.Casework.Stages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/cases/{caseId}/progress: stage, deadlines with their legal basis, warnings and timeline (China time).</summary>
public static class CaseProgressEndpoints
{
    public static void MapCaseProgressEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{caseId}/progress", Progress)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .WithName("GetCaseProgress")
            .WithSummary("Where the case stands: stage, deadlines with legal basis, warnings, timeline (dates in China time)")
            .WithTags("Casework");
    }

    private static Task<Results<Ok<CaseProgressReport>, ProblemHttpResult>> Progress(string caseId, HttpContext http, CaseProcedure procedure) =>
        CaseAccess.RunAsync(http, caseId, "case.progress", async c =>
            (IResult)TypedResults.Ok(await procedure.ReportAsync(c.Case, c.Cancel))).As<Ok<CaseProgressReport>, ProblemHttpResult>();
}
