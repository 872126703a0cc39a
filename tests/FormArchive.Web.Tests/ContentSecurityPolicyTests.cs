using Microsoft.Playwright;

namespace FormArchive.Web.Tests;

/// <summary>The pages keep to their own Content-Security-Policy: chromium reports nothing it had to block.</summary>
public class ContentSecurityPolicyTests(WebServer server) : IClassFixture<WebServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/clerk.html")]
    [InlineData("/archivist.html")]
    [InlineData("/case-entry.html")]
    [InlineData("/county.html")]
    public async Task A_page_loads_without_anything_the_policy_blocks(string path)
    {
        var (context, page) = await server.NewPageAsync();
        await using var _ = context;
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(m.Text); };
        // Violations are also events in the page: count those the console might not print.
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));");
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var events = await page.EvaluateAsync<string[]>("window.__csp");
        Assert.True(blocked.Count == 0 && events.Length == 0, $"{path}: {string.Join(" | ", blocked.Concat(events))}");
    }
}
