using FormArchive.Api.Access;
using FormArchive.Api.Cases;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>POST /api/cases/{caseId}/events: a clerk records a step of the procedure; the rules are Casework's.</summary>
public static class CaseEventEndpoints
{
    public static void MapCaseEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{caseId}/events", Record)
            .RequireAuthorization(AccessPolicies.Clerk)
            .AcceptsJson<CaseEventRequest>(auditAction: "case.event")
            .WithName("RecordCaseEvent")
            .WithSummary("Record a step of the case's procedure (受理, 入户调查, 公示 …); refused in Chinese (422) if the procedure does not allow it")
            .WithDescription("JSON body: kind, at or date, outcome, reason, staff, note. Answers the case's progress after the step.")
            .WithTags("Casework");
    }

    private static Task<Results<Ok<CaseProgressReport>, ProblemHttpResult>> Record(string caseId, HttpContext http, CaseProcedure procedure)
    {
        var request = JsonBody.Of<CaseEventRequest>(http);
        return CaseAccess.RunAsync(http, caseId, "case.event", async c =>
        {
            var (e, invalid) = EventOf(request, c.Caller, c.Archive.Clock.GetUtcNow());
            if (e is null) return invalid!;
            c.Detail = e.Kind.Label(); // the step only: staff names and notes stay out of the audit line
            return TypedResults.Ok(await procedure.RecordAsync(caseId, e, c.Caller.Actor, c.Cancel));
        }).As<Ok<CaseProgressReport>, ProblemHttpResult>();
    }

    private static (CaseEvent? Event, ProblemHttpResult? Problem) EventOf(CaseEventRequest r, Caller caller, DateTimeOffset now)
    {
        static (CaseEvent?, ProblemHttpResult?) Bad(string detail) =>
            (null, Problems.Create(StatusCodes.Status400BadRequest, "办理环节请求有误", detail));
        if (CaseEventKinds.Parse(r.Kind) is not { } kind)
            return Bad($"kind：未知的办理环节“{Clip(r.Kind)}”，应为 {CaseEventKinds.Choices()}。");
        CaseOutcome? outcome = null;
        if (!string.IsNullOrWhiteSpace(r.Outcome))
        {
            outcome = CaseEventKinds.ParseOutcome(r.Outcome);
            if (outcome is null)
                return Bad($"outcome：未知的结果“{Clip(r.Outcome)}”，应为 批准(approved) 或 不予批准(rejected)。");
        }
        if (r.At is not null && r.Date is not null)
            return Bad("at 与 date 只能给出一个。");
        var actor = string.IsNullOrWhiteSpace(r.Actor) ? caller.Key.Name : r.Actor.Trim();
        if (actor.Length > 50 || (r.Reason?.Length ?? 0) > 500 || (r.Note?.Length ?? 0) > 500 || (r.Staff?.Count ?? 0) > 20 || (r.Staff ?? []).Any(s => s is null || s.Length > 50))
            return Bad("actor、staff 每项至多50字，reason、note 至多500字，staff 至多20人。");
        var at = r.At ?? (r.Date is { } day
            ? day == DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime) ? now : new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset)
            : now);
        return (new CaseEvent(kind, actor, at)
        {
            Outcome = outcome,
            Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(),
            Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
            Staff = [.. (r.Staff ?? []).Select(s => s.Trim()).Where(s => s.Length > 0)],
            Documents = r.Documents ?? [],
        }, null);
    }

    /// <summary>What the caller sent, cut short for the error message (a body may hold a megabyte).</summary>
    private static string? Clip(string? text) => text is { Length: > 20 } ? text[..20] + "…" : text;
}
