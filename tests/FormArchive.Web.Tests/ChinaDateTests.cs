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
}
