using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Api.Settings;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Casework;
using FormArchive.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>A service whose county keeps 低保 for itself (not delegated, against 附件3's default).</summary>
public sealed class CountyApiServer : ApiServer
{
    public const string Township = "测试乡";

    protected override Task<string[]> SettingsAsync() => Task.FromResult<string[]>([
        "--FormArchive:Counties:测试县:Bureau=测试县民政局", $"--FormArchive:Counties:测试县:Townships:0={Township}",
        "--FormArchive:Counties:测试县:Rules=chizhou", "--FormArchive:Counties:测试县:Confirms=低保=县"]);
}

/// <summary>The counties of the configuration reach the case: the level recorded at 受理 follows the township's county.</summary>
public sealed class CountySettingsTests(CountyApiServer server) : IClassFixture<CountyApiServer>
{
    [Fact]
    public async Task A_case_of_a_configured_township_is_held_to_its_countys_delegation()
    {
        var clerk = server.ClientFor(Role.Clerk, CountyApiServer.Township);
        var caseId = await CreateAsync(clerk);
        var response = await clerk.PostAsync($"/api/cases/{caseId}/events", Json(new JsonObject { ["kind"] = "受理", ["date"] = "2024-03-04" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accepted = (await server.App.Services.GetRequiredService<ArchiveHost>().Archive.GetManifestAsync(caseId)).Stages[0];
        Assert.Equal("county", accepted.Confirms!["dibao"]); // the configured county, not 附件3's default
        Assert.Equal("township", accepted.Confirms["tekun"]);
    }

    [Theory]
    [InlineData("Townships:0", "", "没有设置乡镇")]
    [InlineData("Confirms", "低保=省", "类别=乡镇")]
    [InlineData("Bureaux", "x", "无法识别")]
    public void A_county_setting_the_service_does_not_understand_stops_it_in_Chinese(string key, string value, string expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FormArchive:Counties:错县:Townships:0"] = key == "Townships:0" ? value : "一乡",
            [$"FormArchive:Counties:错县:{key}"] = value,
        }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => CountySettings.From(config));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("FormArchive:Counties 设置有误", e.Message);
    }

    [Fact]
    public void Without_the_section_the_embedded_counties_serve()
    {
        var counties = CountySettings.From(new ConfigurationBuilder().Build());
        Assert.Equal(LocalRules.Yunyang, counties.OfTownship("巴阳镇")!.Rules);
        Assert.Equal(ApprovalLevel.County, counties.OfTownship("巴阳镇")!.Levels.For(AssistanceCategory.Temporary));
    }
}

/// <summary>A county's key is a person at the county: refused on every township route, in Chinese, naming the person and post.</summary>
public sealed class CountyKeyTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("GET", "/api/todo")]
    [InlineData("POST", "/api/cases")]
    [InlineData("POST", "/api/cases/秋浦-20240101-0001/scans")]
    [InlineData("PUT", "/api/cases/秋浦-20240101-0001/record")]
    [InlineData("POST", "/api/cases/秋浦-20240101-0001/seal")]
    public async Task A_county_key_is_refused_on_township_routes_naming_its_holder(string method, string path)
    {
        var key = server.App.Services.GetRequiredService<ApiKeyStore>().Add("孙七", Role.Clerk, county: "贵池区").Secret;
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json(NewCase()) : null };
        var response = await server.ClientWithKey(key).SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("县级密钥不能办理乡镇事务", (string)body["title"]!);
        Assert.Contains("孙七是贵池区的经办人", (string)body["detail"]!);
    }
}
