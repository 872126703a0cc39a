using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Casework.Stages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// GET /api/me: who the key stands for, as a person reads it — name, role, post and unit (the county's bureau for a
/// county's clerk) and which desk is theirs. The pages greet the person and offer their desk from it; no key id.
/// </summary>
public static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", Me)
            .RequireAuthorization(AccessPolicies.AnyKey)
            .AllowCountyDesk()
            .WithName("GetMe")
            .WithSummary("The person the key stands for: name, role, post, unit and desk (township, county, archive, admin, integrator)")
            .WithTags("Service");
    }

    /// <summary>The person behind a key, in words.</summary>
    public sealed record Person(string Name, string Role, string? Post, string? Unit, string? Township, string? County, string Desk);

    private static Ok<Person> Me(HttpContext http, CaseProcedure procedure)
    {
        var key = Caller.Required(http).Key;
        var post = key.Role == Role.Clerk ? Posts.Label(key.Post ?? Post.Handler) : null;
        var unit = key.Role == Role.Clerk ? procedure.Settings.Counties.SignerOf(key).Unit : null;
        var desk = key.Role switch
        {
            Role.Clerk when key.County is not null => "county",
            Role.Clerk => "township",
            Role.Archivist => "archive",
            Role.Admin => "admin",
            _ => "integrator",
        };
        return TypedResults.Ok(new Person(key.Name, Roles.Label(key.Role), post, unit, key.Township, key.County, desk));
    }
}
