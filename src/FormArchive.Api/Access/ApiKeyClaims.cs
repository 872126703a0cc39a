using System.Security.Claims;
using FormArchive.Archive.Access;

namespace FormArchive.Api.Access;

/// <summary>An API key as claims: id, name, role and (clerks) the township or county and the post — and back.</summary>
public static class ApiKeyClaims
{
    public const string Township = "township";
    public const string County = "county";
    public const string Post = "post";

    public static ClaimsPrincipal Principal(ApiKey key, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, Roles.Name(key.Role)),
        };
        if (!string.IsNullOrEmpty(key.Township)) claims.Add(new(Township, key.Township));
        if (!string.IsNullOrEmpty(key.County)) claims.Add(new(County, key.County));
        if (key.Post is { } post) claims.Add(new(Post, Posts.Name(post)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The key a principal of this scheme stands for, or null for anyone else.</summary>
    public static ApiKey? KeyOf(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: ApiKeyAuthentication.Scheme }) return null;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || !Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role)) return null;
        return new ApiKey
        {
            Id = id, Name = user.FindFirstValue(ClaimTypes.Name) ?? "", Role = role, Township = user.FindFirstValue(Township),
            County = user.FindFirstValue(County), Post = Posts.TryParse(user.FindFirstValue(Post), out var post) ? post : null,
        };
    }
}
