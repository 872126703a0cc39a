using FormArchive.Archive.Access;
using FormArchive.Api.Endpoints;

namespace FormArchive.Api.Access;

/// <summary>
/// Endpoint filter: the request must carry an active key (header X-Api-Key) of one of the given roles.
/// 401 without a valid key, 403 with a key of another role. Applied per endpoint or group.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Header = "X-Api-Key";

    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params Role[] roles) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var store = http.RequestServices.GetRequiredService<ApiKeyStore>();
            var key = store.Find(http.Request.Headers[Header].ToString().Trim());
            if (key is null)
            {
                http.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
                return Problems.Create(StatusCodes.Status401Unauthorized, "API key required", $"send an active API key in the {Header} header");
            }
            if (!roles.Contains(key.Role))
                return Problems.Create(StatusCodes.Status403Forbidden, "Not allowed for this role",
                    $"{Roles.WithArticle(key.Role)} key may not do this; allowed: {string.Join(", ", roles.Select(Roles.Name))}");
            new Caller(key, http.Connection.RemoteIpAddress?.ToString()).AttachTo(http);
            return await next(context);
        });
        return builder;
    }
}
