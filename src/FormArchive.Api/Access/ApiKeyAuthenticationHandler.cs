using System.Text.Encodings.Web;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FormArchive.Api.Access;

/// <summary>
/// Authenticates the X-Api-Key header against the <see cref="ApiKeyStore"/>: an active key becomes a principal
/// carrying its id, name, role and township as claims (<see cref="ApiKeyClaims"/>). No header: no result (public
/// endpoints stay public); an unknown or revoked key: failure. The challenge is a 401 problem with WWW-Authenticate.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var sent = Request.Headers[ApiKeyAuthentication.Header].ToString().Trim();
        if (sent.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        // Never the secret in the failure: it is logged by the framework.
        return Task.FromResult(keys.Find(sent) is { } key
            ? AuthenticateResult.Success(new AuthenticationTicket(ApiKeyClaims.Principal(key, Scheme.Name), Scheme.Name))
            : AuthenticateResult.Fail("no active API key matches the X-Api-Key header"));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyAuthentication.Header}\"";
        return ApiKeyAuthentication.Unauthenticated().ExecuteAsync(Context);
    }
}
