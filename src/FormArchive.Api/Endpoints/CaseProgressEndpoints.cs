using FormArchive.Api.Cases;
using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Casework.Stages;

namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/cases/{caseId}/progress: stage, deadlines with their legal basis, warnings and timeline (China time).</summary>
public static class CaseProgressEndpoints
{
    public static void MapCaseProgressEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{caseId}/progress", (string caseId, HttpContext http, CaseProcedure procedure) =>
                CaseAccess.RunAsync(http, caseId, "case.progress", async c =>
                    TypedResults.Ok(await procedure.ReportAsync(c.Case, c.Cancel))))
            .RequireRoles(Role.Clerk, Role.Archivist)
            .WithName("GetCaseProgress")
            .WithSummary("Where the case stands: stage, deadlines with legal basis, warnings, timeline (dates in China time)")
            .WithTags("Casework");
    }
}
