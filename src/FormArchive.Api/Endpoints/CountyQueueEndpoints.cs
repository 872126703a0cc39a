using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// GET /api/county/queue: the county desk's queue — the cases the county's townships have submitted that await its
/// 审核确认 or its 负责人's countersign, oldest deadline first, overdue and due within 3 working days marked. A county's
/// clerks only, and only their county's townships.
/// </summary>
public static class CountyQueueEndpoints
{
    public static void MapCountyQueueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/county/queue", Queue)
            .RequireAuthorization(AccessPolicies.County)
            .Audited("county.queue")
            .WithName("GetCountyQueue")
            .WithSummary("The county's queue of submitted cases: township= and category= filter, date=yyyy-MM-dd (China time, default today)")
            .WithTags("County desk");
    }

    private static async Task<Results<Ok<CountyQueueReport>, ProblemHttpResult>> Queue(string? township, string? category, string? date,
        HttpContext http, CaseProcedure procedure, RequestAudit audit)
    {
        var caller = Caller.Required(http);
        audit.Detail = caller.Key.County ?? "";
        if (procedure.Settings.Counties.Named(caller.Key.County) is not { } county)
            return Problems.Create(StatusCodes.Status409Conflict, "未设置本县（区）",
                $"{caller.Key.County}没有在本系统中设置（FormArchive:Counties），无法确定其所辖乡镇（街道）；请管理员设置。");
        if (!string.IsNullOrWhiteSpace(township) && !county.Holds(township))
            return Problems.Create(StatusCodes.Status403Forbidden, "其他县（区）的乡镇", $"“{CaseStepRequest.Clip(township)}”不是{county.Name}所辖的乡镇（街道）。");
        AssistanceCategory? wanted = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!AssistanceCategory.TryParse(category.Trim(), out var c))
                return Problems.BadRequest("未知的救助类别",
                    $"category：“{CaseStepRequest.Clip(category)}”应为 {string.Join("、", AssistanceCategory.All.Select(x => x.Name))} 之一。");
            wanted = c;
        }
        if (!TownshipScope.TryDay(date, out var day, out var badDay)) return badDay!;
        return TypedResults.Ok(await procedure.CountyQueueAsync(county, township, wanted, day, http.RequestAborted));
    }
}
