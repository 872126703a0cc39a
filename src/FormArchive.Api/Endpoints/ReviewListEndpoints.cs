using System.Globalization;
using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Casework.Stages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/review-list: a township's monthly 定期复核名单. A clerk sees their own township's only.</summary>
public static class ReviewListEndpoints
{
    public static void MapReviewListEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/review-list", List)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .Audited("review-list.read")
            .WithName("GetReviewList")
            .WithSummary("定期复核名单 of a township for a month: township= (a clerk's own by default), month=yyyy-MM (default this month, China time)")
            .WithTags("Casework");
    }

    private static async Task<Results<Ok<ReviewReport>, ProblemHttpResult>> List(
        string? township, string? month, HttpContext http, CaseProcedure procedure, RequestAudit audit)
    {
        var caller = Caller.Required(http);
        audit.Detail = township ?? caller.Key.Township ?? "";
        {
            var scope = TownshipScope.Of(caller, township);
            if (scope.Problem is { } denied) return denied;
            DateOnly first;
            if (string.IsNullOrWhiteSpace(month))
            {
                var today = procedure.Today();
                first = new DateOnly(today.Year, today.Month, 1);
            }
            else if (DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
                first = m;
            else
                return Problems.BadRequest("月份有误", $"month：“{month}”不是 yyyy-MM 格式的月份。");
            return TypedResults.Ok(await procedure.ReviewListAsync(scope.Township!, first, http.RequestAborted));
        }
    }
}
