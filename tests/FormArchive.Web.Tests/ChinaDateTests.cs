using Microsoft.Playwright;

namespace FormArchive.Web.Tests;

/// <summary>The pages show dates as China's calendar days (UTC+8), whatever the browser's time zone.</summary>
public class ChinaDateTests(WebServer server) : IClassFixture<WebServer>
{
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Shanghai")]
    public async Task A_seal_time_is_shown_as_its_China_date(string browserZone)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(), Locale = "zh-CN", TimezoneId = browserZone,
        });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync("/clerk.html");
        // 20:00 UTC is 04:00 the next morning in China; 15:59 UTC is still the same day there.
        Assert.Equal("2026-11-28", await page.EvaluateAsync<string>("FA.date('2026-11-27T20:00:00.1234567+00:00')"));
        Assert.Equal("2026-11-27", await page.EvaluateAsync<string>("FA.date('2026-11-27T15:59:59+00:00')"));
        Assert.Equal("2026-11-28", await page.EvaluateAsync<string>("FA.date('2026-11-28T01:00:00+08:00')"));
        Assert.Equal("2026-11-27", await page.EvaluateAsync<string>("FA.date('2026-11-27')")); // a calendar date stays as it is
        Assert.Equal("", await page.EvaluateAsync<string>("FA.date(null)"));
    }

    [Fact]
    public async Task Date_fields_show_and_take_China_format_in_an_English_browser()
    {
        var key = server.NewKey(Archive.Access.Role.Clerk, "巴阳镇");
        var clerk = server.ClientWithKey(key);
        var created = await clerk.PostAsync("/api/cases", Json("""{"applicant":{"name":"王俊","idNumber":"341723197112182931"},"village":"桂花村","categories":["低保"],"members":[]}"""));
        var caseId = (string)System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["caseId"]!;
        var saved = await clerk.PutAsync($"/api/cases/{caseId}/record", Json("""{"application_date":"2024-05-30","members":[{"name":"王俊","birth_date":"1971-12"}]}"""));
        Assert.Equal(System.Net.HttpStatusCode.Created, saved.StatusCode);

        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(), Locale = "en-US", TimezoneId = "America/New_York",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        await using var _ = context;
        await context.AddInitScriptAsync($"sessionStorage.setItem('formarchive.apiKey', {System.Text.Json.JsonSerializer.Serialize(key)});");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/case-entry.html?case={Uri.EscapeDataString(caseId)}");
        var applied = page.GetByLabel("申请日期", new() { Exact = true });
        // What the clerk sees is China's order, not the browser's (an English date input would show 05/30/2024).
        await Assertions.Expect(applied).ToHaveValueAsync("2024-05-30");
        Assert.Equal("2024-05-30", await applied.EvaluateAsync<string>("e => e.value"));
        await Assertions.Expect(applied).ToHaveAttributeAsync("placeholder", new System.Text.RegularExpressions.Regex("年-月-日"));
        await Assertions.Expect(page.Locator("[data-path='$.members[0].birth_date']")).ToHaveValueAsync("1971-12");
        await server.ScreenshotAsync(page, "date-en-us");

        // Typed the Chinese way, kept the schema's way; a month where a month is enough; nonsense left for the server to name.
        await applied.FillAsync("2024年6月1日");
        await applied.PressAsync("Tab");
        await Assertions.Expect(applied).ToHaveValueAsync("2024-06-01");
        var birth = page.Locator("[data-path='$.members[0].birth_date']");
        await birth.FillAsync("1971年12月");
        await birth.PressAsync("Tab");
        await Assertions.Expect(birth).ToHaveValueAsync("1971-12");
        await applied.FillAsync("2024.6.31");
        await applied.PressAsync("Tab");
        await Assertions.Expect(applied).ToHaveValueAsync("2024-06-31");
        await page.Locator("#save-button").ClickAsync();
        await Assertions.Expect(applied).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("“2024-06-31”不是有效日期");
        await applied.FillAsync("20240601");
        await applied.PressAsync("Tab");
        await page.Locator("#save-button").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("已保存为第 2 版");
        var record = System.Text.Json.Nodes.JsonNode.Parse(await clerk.GetStringAsync($"/api/cases/{caseId}/record"))!["data"]!;
        Assert.Equal("2024-06-01", (string)record["application_date"]!);
        // The version's time is China's wall clock too, written in China's order.
        await Assertions.Expect(page.Locator("#versions tbody tr").Nth(1).Locator("td").Nth(2)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"));
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
