using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>The service set to 巴阳府发〔2021〕10号 (云阳) with 低保 reviewed every 6 months.</summary>
public sealed class YunyangApiServer : ApiServer
{
    protected override Task<string[]> SettingsAsync() =>
        Task.FromResult<string[]>(["--FormArchive:CaseRules=yunyang", "--FormArchive:ReviewMonths=低保=6"]);
}

/// <summary>The installation's procedure and review intervals reach the stage endpoints, the catalog and the lists.</summary>
public sealed class CaseworkRulesEndpointTests(YunyangApiServer server) : IClassFixture<YunyangApiServer>
{
    private static JsonObject Event(string kind, string day, string? outcome = null, string? staff = null) => new()
    {
        ["kind"] = kind, ["date"] = day, ["outcome"] = outcome, ["staff"] = staff is null ? new JsonArray() : new JsonArray(staff),
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient clerk, string caseId, JsonObject e) =>
        await clerk.PostAsync($"/api/cases/{caseId}/events", Json(e));

    [Fact]
    public async Task Yunyang_cases_are_due_by_the_15th_of_next_month_need_submission_and_come_up_for_review_after_6_months()
    {
        var township = "巴阳镇" + Guid.NewGuid().ToString("N")[..4];
        var clerk = server.ClientFor(Role.Clerk, township);
        var batch = await CreateAsync(clerk);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(clerk, batch, Event("受理", "2024-03-10"))).StatusCode);
        var progress = await GetJsonAsync(clerk, $"/api/cases/{batch}/progress");
        var deadlines = progress["deadlines"]!.AsArray();
        var due = Assert.Single(deadlines, d => ((string)d!["what"]!).StartsWith("初核", StringComparison.Ordinal))!;
        Assert.Equal("2024-04-15", (string)due["due"]!);
        Assert.Contains("巴阳府发〔2021〕10号", (string)due["basis"]!);
        // The county's 审核确认, online, on the working-day calendar from 受理 (15 working days after Sunday 2024-03-10: Friday 2024-03-29).
        var county = Assert.Single(deadlines, d => (string)d!["what"]! == "审核确认")!;
        Assert.Equal("2024-03-29", (string)county["due"]!);
        var search = await clerk.PostAsync("/api/cases/search", Json(new JsonObject { ["dueBefore"] = "2024-04-16" }));
        var found = JsonNode.Parse(await search.Content.ReadAsStringAsync())!.AsArray();
        var row = Assert.Single(found, r => (string)r!["caseId"]! == batch)!;
        Assert.Equal("2024-03-29", (string)row["nextDue"]!); // the earlier of the two: the county's

        var roll = await CreateAsync(clerk);
        foreach (var e in new[] { Event("受理", "2024-01-02"), Event("核对授权", "2024-01-03"), Event("入户调查", "2024-01-04", staff: "李四"),
                     Event("初审意见", "2024-01-05", "批准"), Event("公示", "2024-01-08") })
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(clerk, roll, e)).StatusCode);
        // Confirmation before the county has the file is refused here (not under 池民社救〔2024〕56号).
        var refused = await PostAsync(clerk, roll, Event("审核确认", "2024-01-16", "批准"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("初核材料尚未报送县民政局审批", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(clerk, roll, Event("报送审批", "2024-01-15"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(clerk, roll, Event("审核确认", "2024-01-16", "批准"))).StatusCode);

        var july = await GetJsonAsync(clerk, "/api/review-list?month=2024-07");
        Assert.Equal("2024-07-16", (string)Assert.Single(july["entries"]!.AsArray())!["due"]!);
        Assert.Empty((await GetJsonAsync(clerk, "/api/review-list?month=2024-06"))["entries"]!.AsArray());
    }
}
