using FormArchive.Api.Audit;

namespace FormArchive.Api.Cases;

/// <summary>
/// /api/cases/{caseId}: every endpoint under it is audited (<see cref="AuditFilter"/>) and scoped to the case
/// (<see cref="CaseScopeFilter"/>).
/// </summary>
public static class CaseGroup
{
    public static RouteGroupBuilder MapCaseGroup(this IEndpointRouteBuilder app, string prefix = "")
    {
        var group = app.MapGroup("/api/cases/{caseId}" + prefix);
        group.AddEndpointFilter<AuditFilter>();
        group.AddEndpointFilter<CaseScopeFilter>();
        return group;
    }

    /// <summary>See <see cref="UnreadableCaseAllowed"/>.</summary>
    public static RouteHandlerBuilder AllowUnreadableCaseForArchivists(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(new UnreadableCaseAllowed());
}
