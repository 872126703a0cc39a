using FormArchive.Api.Http;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace FormArchive.Api.Access;

/// <summary>
/// Registers the X-Api-Key scheme (<see cref="ApiKeyAuthenticationHandler"/>) as the only one, the per-role
/// policies (<see cref="AccessPolicies"/>) and the 403 problem (<see cref="RoleRefusal"/>).
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Header = "X-Api-Key";
    public const string Scheme = "ApiKey";

    public static void AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in AccessPolicies.All)
            authorization.AddPolicy(name, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(roles.Select(Roles.Name))
                // A county's clerk works the county desk: only the routes that serve it (and the county's own), never a township's.
                .RequireAssertion(c => name == AccessPolicies.County
                    ? CountyDesk.IsCountyKey(c.User)
                    : !CountyDesk.IsCountyKey(c.User) || CountyDesk.Serves(c.Resource)));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RoleRefusal>();
    }

    /// <summary>401: no key, an unknown key or a revoked one (the store tells them apart for nobody).</summary>
    internal static IResult Unauthenticated() =>
        Problems.Create(StatusCodes.Status401Unauthorized, "需要访问密钥", $"请在 {Header} 请求头中发送有效的访问密钥（密钥缺失、无法识别或已吊销）。");
}
