using FormArchive.Api;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FormArchive.Web.Tests;

/// <summary>
/// The real service on Kestrel on a loopback port with its own data folder, and Debian's chromium driven by
/// Playwright (never downloaded: the system browser at <see cref="ChromiumPath"/>). Screenshots go to
/// <see cref="ScreenshotDirectory"/> (FORMARCHIVE_SCREENSHOTS, default a temp folder).
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("FORMARCHIVE_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private readonly List<HttpClient> _clients = [];

    public WebApplication App { get; private set; } = null!;
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("formarchive-web-").FullName;
    public string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("FORMARCHIVE_SCREENSHOTS")
        ?? Path.Combine(Path.GetTempPath(), "formarchive-web-screenshots");
    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        App = FormArchiveApp.Build([
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--FormArchive:Data={DataDirectory}",
            // The fonds codes of the pages' township (PageTests.Township), which the archivist page shows in the 档号.
            $"--FormArchive:Fonds:Units:秋浦街道:FondsCode=J012", $"--FormArchive:Fonds:Units:秋浦街道:CatalogNo=3",
        ]);
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.First());

        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"no browser at {ChromiumPath}: install Debian's chromium (apt-get install -y --no-install-recommends chromium) or set FORMARCHIVE_CHROMIUM");
        // OCR and PDF building can be slow on a busy machine: wait longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public string NewKey(Role role, string? township = null) =>
        App.Services.GetRequiredService<ApiKeyStore>().Add($"web test {role} {township}", role, township).Secret;

    /// <summary>A person's key: a clerk of a township or (with <paramref name="county"/>) of a county, in a post.</summary>
    public string PersonKey(string name, string? township, string? county = null, Post post = Post.Handler) =>
        App.Services.GetRequiredService<ApiKeyStore>().Add(name, Role.Clerk, township, county, post).Secret;

    /// <summary>A county's 核对机构 (a system's key), which files the 家庭经济状况核对 result.</summary>
    public string VerifierKey(string county) =>
        App.Services.GetRequiredService<ApiKeyStore>().Add($"{county}居民家庭经济状况核对中心", Role.Verifier, county: county).Secret;

    public HttpClient ClientWithKey(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        _clients.Add(client);
        return client;
    }

    /// <summary>A fresh browser context (own sessionStorage) with downloads allowed; the page's console errors fail nothing but are kept.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(), AcceptDownloads = true, Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        return (context, page);
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        foreach (var c in _clients) c.Dispose();
        await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { } // sealed objects are read-only on disk
    }
}
