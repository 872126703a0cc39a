using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;

namespace FormArchive.Tests.Api;

/// <summary>A key of the wrong role is refused with a 403 that names the role in plain English ("an integrator key").</summary>
public class RoleRefusalTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task The_refusal_names_the_role_with_its_article()
    {
        var response = await server.Client.GetAsync("/api/cases/20261127-000000000000"); // the fixture's client holds an integrator key
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!;
        Assert.StartsWith("an integrator key may not do this; allowed: ", detail);

        response = await server.ClientFor(Role.Clerk, "秋浦街道").GetAsync("/api/keys");
        Assert.StartsWith("a clerk key may not do this", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!);
    }

    [Theory]
    [InlineData(Role.Integrator, "an integrator")]
    [InlineData(Role.Clerk, "a clerk")]
    [InlineData(Role.Archivist, "an archivist")]
    [InlineData(Role.Admin, "an admin")]
    public void Each_role_takes_its_article(Role role, string expected) => Assert.Equal(expected, Roles.WithArticle(role));
}
