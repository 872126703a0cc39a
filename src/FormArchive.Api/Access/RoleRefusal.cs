using FormArchive.Api.Endpoints;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FormArchive.Api.Access;

/// <summary>
/// A key of the wrong role: 403 problem naming the caller's role and the roles allowed ("an integrator key may
/// not do this; allowed: clerk, archivist"). Everything else (401 challenges, success) as the framework does it.
/// </summary>
public sealed class RoleRefusal : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden || Caller.Of(context) is not { } caller) return _framework.HandleAsync(next, context, policy, result);
        var requirements = result.AuthorizationFailure?.FailedRequirements ?? policy.Requirements;
        var allowed = requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct();
        return Problems.Create(StatusCodes.Status403Forbidden, "Not allowed for this role",
            $"{Roles.WithArticle(caller.Key.Role)} key may not do this; allowed: {string.Join(", ", allowed)}").ExecuteAsync(context);
    }
}
