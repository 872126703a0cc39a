using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Casework.Stages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>GET /api/todo: a township's 待办 list (已逾期, 今日到期, 3个工作日内到期). A clerk sees their own township's only.</summary>
public static class TodoEndpoints
{
    public static void MapTodoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/todo", List)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .Audited("todo.read")
            .WithName("GetTodoList")
            .WithSummary("待办 of a township: overdue, due today, due within 3 working days; township= (a clerk's own by default), "
                + "date=yyyy-MM-dd (China time, default today)")
            .WithTags("Casework");
    }

    private static async Task<Results<Ok<TodoReport>, ProblemHttpResult>> List(
        string? township, string? date, HttpContext http, CaseProcedure procedure, RequestAudit audit)
    {
        var caller = Caller.Required(http);
        audit.Detail = township ?? caller.Key.Township ?? "";
        var scope = TownshipScope.Of(caller, township);
        if (scope.Problem is { } denied) return denied;
        if (!TownshipScope.TryDay(date, out var day, out var badDay)) return badDay!;
        return TypedResults.Ok(await procedure.TodoAsync(scope.Township!, day, http.RequestAborted));
    }
}
