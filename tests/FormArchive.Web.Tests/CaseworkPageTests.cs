using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FormArchive.Archive.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FormArchive.Web.Tests;

/// <summary>The clerk desk's 待办 and 办理进度 in chromium against the running service, on the shipped 2024 calendar.</summary>
public class CaseworkPageTests(WebServer server) : IClassFixture<WebServer>
{
    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<string> CreateCaseAsync(HttpClient clerk, string name, string idNumber)
    {
        var response = await clerk.PostAsync("/api/cases", Json(new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = name, ["idNumber"] = idNumber },
            ["village"] = "杏花村",
            ["categories"] = new JsonArray("低保"),
            ["members"] = new JsonArray(),
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return (string)JsonNode.Parse(body)!["caseId"]!;
    }

    private static async Task AcceptAsync(HttpClient clerk, string caseId, string day)
    {
        var response = await clerk.PostAsync($"/api/cases/{caseId}/events", Json(new JsonObject { ["kind"] = "受理", ["date"] = day }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Clerk_sees_the_townships_todo_by_urgency_opens_a_case_and_records_a_step()
    {
        var township = "待办镇" + Guid.NewGuid().ToString("N")[..4];
        var key = server.NewKey(Role.Clerk, township);
        var clerk = server.ClientWithKey(key);
        // 初审意见 is due 7 working days after 受理: 2.1 → 2.9, 2.7 → 2.22, 2.9 → 2.26 (Spring Festival 2.10–2.17, 2.4 and 2.18 worked).
        var overdue = await CreateCaseAsync(clerk, "孙明红", "370202194004297733");
        var today = await CreateCaseAsync(clerk, "李秀英", "110105195001010012");
        var soon = await CreateCaseAsync(clerk, "王建国", "110105196001010025");
        await AcceptAsync(clerk, overdue, "2024-02-01");
        await AcceptAsync(clerk, today, "2024-02-07");
        await AcceptAsync(clerk, soon, "2024-02-09");

        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        await page.GotoAsync("/clerk.html");
        await Expect(page.Locator("#todo-township")).ToContainTextAsync(township);
        await page.Locator("#todo-date").FillAsync("2024-02-22");
        await page.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await Expect(page.Locator("#todo-township")).ToContainTextAsync("2024-02-22（北京时间）");

        var overdueItem = page.Locator($"#todo-overdue .todo-item[data-case='{overdue}']");
        await Expect(overdueItem).ToContainTextAsync("2024-02-09初审意见");
        await Expect(overdueItem).ToContainTextAsync("孙明红");
        await Expect(page.Locator("#todo-overdue-count")).ToHaveTextAsync("1 项");
        await Expect(page.Locator("#todo-today .todo-item")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#todo-today .todo-item[data-case='{today}']")).ToContainTextAsync("2024-02-22初审意见");
        await Expect(page.Locator($"#todo-soon .todo-item[data-case='{soon}']")).ToContainTextAsync("2024-02-26初审意见");
        // 审核确认 of the case accepted on 2.1 falls on 2.27, also within three working days of 2.22.
        await Expect(page.Locator($"#todo-soon .todo-item[data-case='{overdue}']")).ToContainTextAsync("2024-02-27审核确认");
        await Expect(page.Locator("#todo-soon-count")).ToHaveTextAsync("2 项");
        await server.ScreenshotAsync(page, "clerk-6-todo");

        // From the list to the case: its deadlines with their legal basis and its timeline.
        await page.Locator($"#todo-today .todo-item[data-case='{today}'] a").ClickAsync();
        await Expect(page.Locator("#case-summary")).ToContainTextAsync(today);
        await Expect(page.Locator("#progress-stage")).ToHaveTextAsync("受理");
        await Expect(page.Locator("#progress-deadlines tr", new() { HasText = "初审意见" })).ToContainTextAsync("2024-02-22");
        await Expect(page.Locator("#progress-deadlines")).ToContainTextAsync("池民社救〔2024〕56号");
        await Expect(page.Locator("#progress-timeline li")).ToHaveCountAsync(1);

        // A home visit by one person is refused in Chinese and nothing changes; with a colleague it is recorded.
        await page.Locator("#event-kind").SelectOptionAsync("homeVisited");
        await page.Locator("#event-date").FillAsync("2024-02-08");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await Expect(page.Locator("#progress-message")).ToContainTextAsync("2名以上");
        await Expect(page.Locator("#progress-timeline li")).ToHaveCountAsync(1);
        await page.Locator("#event-staff").FillAsync("赵六");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        await Expect(page.Locator("#progress-message")).ToHaveTextAsync("已记录");
        await Expect(page.Locator("#progress-stage")).ToHaveTextAsync("核对授权/入户调查");
        await Expect(page.Locator("#progress-timeline li").Last).ToContainTextAsync("2024-02-08 12:00入户调查");
        await Expect(page.Locator("#progress-timeline li").Last).ToContainTextAsync("赵六");
        await server.ScreenshotAsync(page, "clerk-7-progress");
    }

    [Fact]
    public async Task Archivist_finds_cases_by_stage_and_due_date_and_reads_the_timeline_beside_the_directory()
    {
        var township = "档案镇" + Guid.NewGuid().ToString("N")[..4];
        var clerk = server.ClientWithKey(server.NewKey(Role.Clerk, township));
        var caseId = await CreateCaseAsync(clerk, "孙明红", "370202194004297733");
        foreach (var (kind, day, staff) in new[] { ("受理", "2024-02-07", ""), ("核对授权", "2024-02-08", ""), ("入户调查", "2024-02-09", "李四") })
        {
            var body = new JsonObject { ["kind"] = kind, ["date"] = day, ["staff"] = staff.Length > 0 ? new JsonArray(staff) : new JsonArray() };
            if (kind == "受理") body["documents"] = new JsonArray(1); // the application filed at opening
            var response = await clerk.PostAsync($"/api/cases/{caseId}/events", Json(body));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        var key = server.NewKey(Role.Archivist);
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        await page.GotoAsync("/archivist.html");

        await page.Locator("#q-township").FillAsync(township);
        await page.Locator("#q-stage").SelectOptionAsync("publicity");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Expect(page.Locator("#results")).ToContainTextAsync("没有符合条件的案卷");
        await page.Locator("#q-stage").SelectOptionAsync("investigation");
        await page.Locator("#q-due").FillAsync("2024-02-23");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        var row = page.Locator($"#results-table tr[data-case='{caseId}']");
        await Expect(row).ToContainTextAsync("核对授权/入户调查");
        await Expect(row).ToContainTextAsync("2024-02-22");
        await page.Locator("#q-due").FillAsync("2024-02-22");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Expect(page.Locator("#results")).ToContainTextAsync("没有符合条件的案卷");
        await page.Locator("#q-due").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();

        await Expect(page.Locator("#timeline li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#timeline li").Last).ToContainTextAsync("2024-02-09 12:00入户调查");
        await Expect(page.Locator("#timeline li").First).ToContainTextAsync("附件：第 1 件");
        await Expect(page.Locator("#timeline-stage")).ToHaveTextAsync("核对授权/入户调查");
        await Expect(page.Locator("#directory")).ToContainTextAsync("案件数据");
        // Beside, not below: the timeline starts level with the directory, to its right.
        var directory = (await page.Locator("#directory").BoundingBoxAsync())!;
        var timeline = (await page.Locator("#timeline").BoundingBoxAsync())!;
        Assert.True(timeline.X > directory.X + directory.Width - 1, $"timeline at x={timeline.X}, directory ends at {directory.X + directory.Width}");
        Assert.True(Math.Abs(timeline.Y - directory.Y) < 40, $"timeline at y={timeline.Y}, directory at y={directory.Y}");
        await server.ScreenshotAsync(page, "archivist-3-timeline");
    }

    [Fact]
    public async Task Clerk_generates_and_prints_the_monthly_review_list()
    {
        var township = "复核镇" + Guid.NewGuid().ToString("N")[..4];
        var key = server.NewKey(Role.Clerk, township);
        var clerk = server.ClientWithKey(key);
        // The office's 负责人 countersigns the opinion before the township confirms (四眼原则).
        var head = server.ClientWithKey(server.PersonKey("周八", township, post: Post.Head));
        var onRoll = await CreateCaseAsync(clerk, "孙明红", "370202194004297733");
        var pending = await CreateCaseAsync(clerk, "李秀英", "110105195001010012");
        foreach (var (kind, day, outcome, staff) in new[]
        {
            ("受理", "2024-01-02", "", ""), ("核对授权", "2024-01-03", "", ""), ("入户调查", "2024-01-04", "", "李四"),
            ("初审意见", "2024-01-05", "批准", ""), ("公示", "2024-01-08", "", ""), ("负责人审签", "2024-01-08", "", ""), ("审核确认", "2024-01-16", "批准", ""),
        })
        {
            var body = new JsonObject { ["kind"] = kind, ["date"] = day, ["staff"] = staff.Length > 0 ? new JsonArray(staff) : new JsonArray() };
            if (outcome.Length > 0) body["outcome"] = outcome;
            var response = await (kind == "负责人审签" ? head : clerk).PostAsync($"/api/cases/{onRoll}/events", Json(body));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        await AcceptAsync(clerk, pending, "2024-01-02");

        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)}); window.print = () => {{ window.printed = true; }};");
        await page.GotoAsync("/clerk.html");
        await page.Locator("#review-month").FillAsync("2025-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成" }).ClickAsync();
        await Expect(page.Locator("#review-title")).ToHaveTextAsync($"{township} 2025年1月 · 1 户");
        var row = page.Locator($"#review-table tr[data-case='{onRoll}']");
        await Expect(row).ToContainTextAsync("孙明红");
        await Expect(row).ToContainTextAsync("2024-01-16");
        await Expect(row).ToContainTextAsync("2025-01-16");
        await Expect(page.Locator($"#review-table tr[data-case='{pending}']")).ToHaveCountAsync(0);

        // Printed on its own: the desk's other sections and the header are left off the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.printed === true"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#review-table")).ToBeVisibleAsync();
        await Expect(page.Locator("#todo-section")).ToBeHiddenAsync();
        await Expect(page.Locator("header")).ToBeHiddenAsync();
        await Expect(page.Locator("#review-form")).ToBeHiddenAsync();
        await server.ScreenshotAsync(page, "clerk-8-review-list-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Expect(page.Locator("#todo-section")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Clerk_records_a_step_with_the_form_it_prints_chosen_from_the_steps_forms()
    {
        var township = "表格镇" + Guid.NewGuid().ToString("N")[..4];
        var key = server.NewKey(Role.Clerk, township);
        var clerk = server.ClientWithKey(key);
        var caseId = await CreateCaseAsync(clerk, "孙明红", "370202194004297733");
        var saved = await clerk.PutAsync($"/api/cases/{caseId}/record", Json(new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = "孙明红", ["id_number"] = "370202194004297733" },
            ["categories"] = new JsonArray("最低生活保障"), ["township"] = township, ["village"] = "杏花村",
            ["members"] = new JsonArray(new JsonObject { ["name"] = "孙明红", ["id_number"] = "370202194004297733", ["relationship"] = "本人" }),
            ["review_publicity"] = new JsonObject
            {
                ["unit"] = township + "办事处",
                ["families"] = new JsonArray(new JsonObject { ["applicant_name"] = "孙明红", ["village"] = "杏花村", ["household_size"] = 1, ["covered_size"] = 1, ["category"] = "低保", ["amount"] = 500 }),
            },
        }));
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        foreach (var (kind, day, outcome, staff) in new[] { ("受理", "2024-02-07", "", ""), ("核对授权", "2024-02-08", "", ""), ("入户调查", "2024-02-08", "", "李四"), ("初审意见", "2024-02-09", "批准", "") })
        {
            var body = new JsonObject { ["kind"] = kind, ["date"] = day, ["staff"] = staff.Length > 0 ? new JsonArray(staff) : new JsonArray() };
            if (outcome.Length > 0) body["outcome"] = outcome;
            var response = await clerk.PostAsync($"/api/cases/{caseId}/events", Json(body));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        await page.GotoAsync($"/clerk.html?case={caseId}");
        await Expect(page.Locator("#progress-stage")).ToHaveTextAsync("初审意见");

        // A step that prints nothing offers nothing; 公示 offers its 审核公示单 only.
        await page.Locator("#event-kind").SelectOptionAsync("extended");
        await Expect(page.Locator("#event-print-form")).ToBeDisabledAsync();
        await Expect(page.Locator("#event-print-form option")).ToHaveTextAsync(["该环节不打印表格"]);
        await page.Locator("#event-kind").SelectOptionAsync("publicityStarted");
        await Expect(page.Locator("#event-print-form option")).ToHaveTextAsync(["不打印", "池州市低收入人口审核公示单"]);
        await page.Locator("#event-print-form").SelectOptionAsync("chizhou.review-publicity");
        await page.Locator("#event-date").FillAsync("2024-02-19");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();

        await Expect(page.Locator("#progress-message")).ToContainTextAsync("已记录，并归档第 3 件：池州市低收入人口审核公示单（据案件数据第 1 版）");
        await Expect(page.Locator("#progress-stage")).ToHaveTextAsync("公示");
        await Expect(page.Locator("#progress-timeline li").Last).ToContainTextAsync("附件：第 3 件");
        await Expect(page.Locator("#directory")).ToContainTextAsync("池州市低收入人口审核公示单（据案件数据第 1 版）");
        await server.ScreenshotAsync(page, "clerk-9-step-with-form");

        // The stored step names the filed form.
        var progress = JsonNode.Parse(await clerk.GetStringAsync($"/api/cases/{caseId}/progress"))!;
        Assert.Equal([3], progress["timeline"]!.AsArray().Last()!["documents"]!.AsArray().Select(n => (int)n!).ToArray());
    }
}
