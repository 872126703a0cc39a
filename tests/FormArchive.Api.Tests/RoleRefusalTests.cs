using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;

namespace FormArchive.Tests.Api;

/// <summary>A key of the wrong role is refused with a 403 that names, in Chinese, its role and the allowed ones.</summary>
public class RoleRefusalTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task The_refusal_names_the_role_in_Chinese()
    {
        var response = await server.Client.GetAsync("/api/cases/20261127-000000000000"); // the fixture's client holds an integrator key
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("此角色无权操作", (string)problem["title"]!);
        Assert.Equal(403, (int)problem["status"]!);
        Assert.Equal("此密钥的角色（接口调用方）无权执行此操作；允许的角色：办事员、档案员", (string)problem["detail"]!);

        response = await server.ClientFor(Role.Clerk, "秋浦街道").GetAsync("/api/keys");
        Assert.Equal("此密钥的角色（办事员）无权执行此操作；允许的角色：管理员", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!);
    }

    [Theory]
    [InlineData(Role.Integrator, "接口调用方")]
    [InlineData(Role.Clerk, "办事员")]
    [InlineData(Role.Archivist, "档案员")]
    [InlineData(Role.Admin, "管理员")]
    [InlineData(Role.Verifier, "核对机构")]
    public void Each_role_has_its_Chinese_label(Role role, string expected) => Assert.Equal(expected, Roles.Label(role));

    [Fact]
    public void Every_role_has_a_label_of_its_own() =>
        Assert.Equal(Enum.GetValues<Role>().Length, Enum.GetValues<Role>().Select(Roles.Label).Distinct().Count());
}
