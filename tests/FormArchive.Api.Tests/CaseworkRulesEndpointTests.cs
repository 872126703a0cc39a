using System.Net;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using static FormArchive.Tests.Api.ApprovalApi;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Api;

/// <summary>The service set to 巴阳府发〔2021〕10号 (云阳) with 低保 reviewed every 6 months.</summary>
public sealed class YunyangApiServer : ApiServer
{
    protected override Task<string[]> SettingsAsync() =>
        Task.FromResult<string[]>(["--FormArchive:CaseRules=yunyang", "--FormArchive:ReviewMonths=低保=6",
            "--FormArchive:Counties:云阳测试县:Rules=yunyang", $"--FormArchive:Counties:云阳测试县:Townships:0={Township}"]);

    /// <summary>The one township of the county configured here, whose case goes to the county for 审核确认.</summary>
    public const string Township = "巴阳测试镇";
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

        // A case approved online: the county's clerk decides, its head countersigns (the whole journey: OnlineApprovalTests).
        var p = (Clerk: server.ClerkFor("王五", YunyangApiServer.Township), Head: server.ClerkFor("周八", YunyangApiServer.Township, Post.Head),
            County: server.ClerkFor("孙七", null, county: "云阳测试县"), CountyHead: server.ClerkFor("钱十", null, Post.Head, "云阳测试县"));
        var roll = await CreateAsync(p.Clerk);
        await UploadMaterialsAsync(p.Clerk, roll);
        await FileVerificationResultAsync(server.VerifierFor("云阳测试县"), roll);
        var opinion = Step("初审意见", "2024-01-05", "批准");
        opinion["documents"] = new JsonArray(await UploadOpinionPaperAsync(p.Clerk, roll));
        await StepAsync(p.Clerk, roll, Step("受理", "2024-01-02"), Step("核对授权", "2024-01-03"), Step("入户调查", "2024-01-04", staff: "李四"), opinion,
            Step("公示", "2024-01-08"));
        await StepAsync(p.Head, roll, Step("负责人审签", "2024-01-15"));
        // Confirmation before the county has the file is refused here (not under 池民社救〔2024〕56号).
        var refused = await PostAsync(p.County, roll, Event("审核确认", "2024-01-16", "批准"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode); // not submitted: the county does not see it yet
        await StepAsync(p.Clerk, roll, Step("报送审批", "2024-01-15"));
        var approval = Step("审核确认", "2024-01-16", "批准");
        approval["terms"] = new JsonObject { ["perCapitaMonthly"] = 500, ["householdMonthly"] = 500, ["fromMonth"] = "2024-02" };
        await StepAsync(p.County, roll, approval);
        await StepAsync(p.CountyHead, roll, Step("负责人审签", "2024-01-16"));
        clerk = p.Clerk;

        var july = await GetJsonAsync(clerk, "/api/review-list?month=2024-07");
        Assert.Equal("2024-07-16", (string)Assert.Single(july["entries"]!.AsArray())!["due"]!);
        Assert.Empty((await GetJsonAsync(clerk, "/api/review-list?month=2024-06"))["entries"]!.AsArray());
    }
}
