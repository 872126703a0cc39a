using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>
/// The X-Api-Key authentication handler and the per-role authorization policies: at the handler itself (the key
/// as claims, a revoked key failing) and over real HTTP (401 and 403 as RFC 7807 problems, township scope, audit).
/// </summary>
public class ApiKeyAuthenticationTests(ApiServer server) : IClassFixture<ApiServer>
{
    private ApiKeyStore Keys => server.App.Services.GetRequiredService<ApiKeyStore>();

    private async Task<AuthenticateResult> AuthenticateAsync(string? key)
    {
        using var scope = server.App.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (key is not null) http.Request.Headers[ApiKeyAuthentication.Header] = key;
        return await http.AuthenticateAsync(ApiKeyAuthentication.Scheme);
    }

    [Fact]
    public async Task The_handler_turns_an_active_key_into_claims_and_refuses_a_revoked_one()
    {
        var issued = Keys.Add("张秀英", Role.Clerk, Township);
        var result = await AuthenticateAsync(" " + issued.Secret + " ");
        Assert.True(result.Succeeded, result.Failure?.Message);
        var user = result.Principal!;
        Assert.Equal(issued.Key.Id, user.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("张秀英", user.FindFirstValue(ClaimTypes.Name));
        Assert.True(user.IsInRole("clerk"));
        Assert.False(user.IsInRole("archivist"));
        Assert.Equal(Township, user.FindFirstValue(ApiKeyClaims.Township));
        // The actor the audit log names is rebuilt from the claims.
        var http = new DefaultHttpContext { User = user };
        Assert.Equal($"张秀英 (clerk, key {issued.Key.Id})", Caller.Of(http)!.Actor);
        Assert.Equal(Township, Caller.Of(http)!.Key.Township);

        Assert.True(Keys.Revoke(issued.Key.Id));
        var revoked = await AuthenticateAsync(issued.Secret);
        Assert.False(revoked.Succeeded);
        Assert.NotNull(revoked.Failure);
        Assert.DoesNotContain(issued.Secret, revoked.Failure!.Message);

        Assert.True((await AuthenticateAsync(null)).None);
        Assert.NotNull((await AuthenticateAsync("fa_not-a-key")).Failure);
        Assert.Null(Caller.Of(new DefaultHttpContext()));
    }

    [Fact]
    public async Task An_admin_issues_a_key_to_a_person_in_a_post_at_a_county()
    {
        var admin = server.ClientFor(Role.Admin);
        var response = await admin.PostAsync("/api/keys", Json(new JsonObject { ["name"] = "钱十", ["role"] = "clerk", ["county"] = "云阳县", ["post"] = "负责人" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var secret = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["secret"]!;
        var me = await GetJsonAsync(server.ClientWithKey(secret), "/api/me");
        Assert.Equal("负责人", (string)me["post"]!);
        Assert.Equal("云阳县民政局", (string)me["unit"]!);
        Assert.Equal("county", (string)me["desk"]!);
        var refused = await admin.PostAsync("/api/keys", Json(new JsonObject { ["name"] = "钱十", ["role"] = "clerk", ["county"] = "云阳县", ["post"] = "科长" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("经办人 或 负责人", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_key_an_unknown_key_and_a_revoked_key_are_401_problems_with_the_challenge()
    {
        var issued = Keys.Add("李四", Role.Clerk, Township);
        var clerk = server.ClientWithKey(issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/todo")).StatusCode);
        var admin = server.ClientFor(Role.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{issued.Key.Id}")).StatusCode);

        foreach (var client in new[] { server.ClientWithKey(null), server.ClientWithKey("fa_not-a-key"), server.ClientWithKey(new string('k', 10_000)), clerk })
        {
            var response = await client.GetAsync("/api/todo");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(401, (int)problem["status"]!);
            Assert.Equal("需要访问密钥", (string)problem["title"]!);
            Assert.Equal("请在 X-Api-Key 请求头中发送有效的访问密钥（密钥缺失、无法识别或已吊销）。", (string)problem["detail"]!);
        }
    }

    [Fact]
    public async Task A_key_of_another_role_is_a_403_problem_naming_its_role_and_the_allowed_ones()
    {
        async Task<string> RefusalAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!;
        }

        Assert.Equal("此密钥的角色（接口调用方）无权执行此操作；允许的角色：办事员、档案员", await RefusalAsync(await server.Client.GetAsync("/api/todo")));
        Assert.Equal("此密钥的角色（档案员）无权执行此操作；允许的角色：管理员", await RefusalAsync(await server.ClientFor(Role.Archivist).GetAsync("/api/keys")));
        Assert.Equal("此密钥的角色（办事员）无权执行此操作；允许的角色：管理员、档案员", await RefusalAsync(await server.ClientFor(Role.Clerk, Township).GetAsync("/api/audit")));
        Assert.Equal("此密钥的角色（管理员）无权执行此操作；允许的角色：接口调用方、办事员",
            await RefusalAsync(await server.ClientFor(Role.Admin).PostAsync("/api/forms/chizhou.acceptance-notice/render", Json("{}"))));
        // A group's policy and the endpoint's add up: the archivist's routes refuse a clerk.
        Assert.Equal("此密钥的角色（办事员）无权执行此操作；允许的角色：档案员",
            await RefusalAsync(await server.ClientFor(Role.Clerk, Township).GetAsync("/api/cases/20261127-000000000000/dossier")));
    }

    [Fact]
    public async Task A_clerk_sees_the_township_of_the_key_only_and_the_audit_names_who_asked()
    {
        var clerk = server.ClientFor(Role.Clerk, Township);
        var caseId = await CreateAsync(clerk);
        var otherKey = Keys.Add("王五", Role.Clerk, OtherTownship);
        var other = server.ClientWithKey(otherKey.Secret);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cases/{caseId}")).StatusCode);
        var todo = await other.GetAsync($"/api/todo?township={Uri.EscapeDataString(Township)}");
        Assert.Equal(HttpStatusCode.Forbidden, todo.StatusCode);
        Assert.Contains(OtherTownship, (string)JsonNode.Parse(await todo.Content.ReadAsStringAsync())!["detail"]!);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/todo")).StatusCode);
        var found = await other.PostAsync("/api/cases/search", Json(new JsonObject { ["township"] = Township }));
        Assert.Empty(JsonNode.Parse(await found.Content.ReadAsStringAsync())!.AsArray());

        var audit = await GetJsonAsync(server.ClientFor(Role.Admin), $"/api/audit?caseId={caseId}");
        var refused = audit.AsArray().Single(e => (string)e!["keyId"]! == otherKey.Key.Id);
        Assert.Equal("王五", (string)refused!["actor"]!);
        Assert.Equal("clerk", (string)refused["role"]!);
        Assert.Equal(404, (int)refused["status"]!);
        Assert.Equal("case.read", (string)refused["action"]!);
    }

    [Fact]
    public async Task Other_township_refusals_are_Chinese_problems_naming_the_key_s_township()
    {
        var other = server.ClientWithKey(Keys.Add("赵六", Role.Clerk, OtherTownship).Secret);
        var data = NewCase();
        data["township"] = Township;
        var opened = await other.PostAsync("/api/cases", Json(data));
        Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);
        var problem = JsonNode.Parse(await opened.Content.ReadAsStringAsync())!;
        Assert.Equal("其他乡镇", (string)problem["title"]!);
        Assert.Equal($"此密钥只能为{OtherTownship}立案。", (string)problem["detail"]!);

        var list = JsonNode.Parse(await (await other.GetAsync($"/api/todo?township={Uri.EscapeDataString(Township)}")).Content.ReadAsStringAsync())!;
        Assert.Equal("其他乡镇", (string)list["title"]!);
        Assert.Equal($"此密钥只能查看{OtherTownship}的名单。", (string)list["detail"]!);
    }

    [Fact]
    public async Task Refusals_are_counted_under_the_route_template_without_a_trailing_slash()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await server.ClientFor(Role.Archivist).PostAsync("/api/cases", Json(NewCase()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.ClientWithKey(null).GetAsync("/api/cases/20261127-000000000000/checklist")).StatusCode);
        var endpoints = (await GetJsonAsync(server.ClientFor(Role.Admin), "/metrics"))["endpoints"]!.AsArray();
        Assert.Contains(endpoints, e => (string)e!["method"]! == "POST" && (string)e["route"]! == "/api/cases" && e["statuses"]!["4xx"] is not null);
        Assert.Contains(endpoints, e => (string)e!["route"]! == "/api/cases/{caseId}/checklist" && e["statuses"]!["4xx"] is not null);
        Assert.DoesNotContain(endpoints, e => ((string)e!["route"]!).EndsWith('/'));
    }

    [Fact]
    public void Every_api_endpoint_but_the_form_catalog_requires_one_of_the_named_policies()
    {
        var endpoints = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var api = endpoints.Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)).ToList();
        Assert.True(api.Count > 30, $"{api.Count} API endpoints");
        string[] publicRoutes = ["api/forms/", "api/forms/{id}", "api/forms/{id}/schema"];
        foreach (var e in api)
        {
            var route = e.RoutePattern.RawText!.TrimStart('/');
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (publicRoutes.Contains(route) && e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.SequenceEqual(["GET"]))
            {
                Assert.Empty(policies);
                continue;
            }
            Assert.True(policies.Count > 0, $"{e.DisplayName} requires no policy");
            Assert.All(policies, p => Assert.True(p.Policy is not null && AccessPolicies.All.ContainsKey(p.Policy) && p.Roles is null, $"{e.DisplayName}: {p.Policy}"));
        }
    }
}
