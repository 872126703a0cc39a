using System.Security.Claims;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Authorization;

namespace FormArchive.Api.Access;

/// <summary>
/// The county desk: a county's clerks read the submitted cases of the county's townships and record the county's
/// steps on them (审核确认, 负责人审签, 退回补正). The case routes that serve it are marked <see cref="AllowCountyDesk"/>;
/// every other route refuses a county key, and which case a county key may open is <see cref="Caller.MaySee"/>'s rule.
/// </summary>
public static class CountyDesk
{
    /// <summary>Marks a route a county's clerk may use (reading a case, recording a step).</summary>
    public static TBuilder AllowCountyDesk<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new CountyDeskRoute());

    /// <summary>A route only the county desk serves (its queue), which no other key may use.</summary>
    public static bool IsCountyRoute(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == AccessPolicies.County) == true;

    /// <summary>A county's clerk (a county's 核对机构 has a county too, and works no desk).</summary>
    public static bool IsCountyKey(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Name(Role.Clerk)) && user.HasClaim(x => x.Type == ApiKeyClaims.County);

    /// <summary>Whether the route being authorised (the resource is the request) is one of the county desk's.</summary>
    public static bool Serves(object? resource) =>
        resource is HttpContext http && http.GetEndpoint()?.Metadata.GetMetadata<CountyDeskRoute>() is not null;
}

/// <summary>Endpoint metadata: a route of the county desk (<see cref="CountyDesk.AllowCountyDesk"/>).</summary>
public sealed record CountyDeskRoute;
