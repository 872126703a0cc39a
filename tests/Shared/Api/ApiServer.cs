using System.Runtime.CompilerServices;
using FormArchive.Api;
using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FormArchive.Tests.Api;

/// <summary>
/// The real service on Kestrel, on a free loopback port, with its own data folder (local-disk store, SQLite
/// catalog, keys, audit) for the duration of a test class. <see cref="Client"/> carries an integrator key;
/// <see cref="ClientFor"/> makes clients with other keys. Small limits (3 MB uploads, no waiting queue) keep
/// the limit tests quick. <see cref="S3ApiServer"/> is the same app on Ceph RGW.
/// </summary>
public class ApiServer : IAsyncLifetime
{
    public const long MaxUploadBytes = 3_000_000;

    private readonly List<HttpClient> _clients = [];

    public WebApplication App { get; private set; } = null!;
    private readonly bool _ownsData;

    public ApiServer() : this(null) { }

    /// <summary>An app over an existing data folder (the service after a restart); the folder stays its owner's.</summary>
    protected ApiServer(string? dataDirectory)
    {
        _ownsData = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("formarchive-api-").FullName;
    }

    public string DataDirectory { get; }
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Integrator key: renders forms, nothing else.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Which store the app files into: "local" or "s3".</summary>
    public virtual string StoreKind => "local";

    /// <summary>Command-line settings added by a subclass (the S3 store, short time limits); later ones win.</summary>
    protected virtual Task<string[]> SettingsAsync() => Task.FromResult<string[]>([]);

    public async Task InitializeAsync()
    {
        App = FormArchiveApp.Build([
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--FormArchive:Data={DataDirectory}", $"--FormArchive:MaxUploadBytes={MaxUploadBytes}",
            "--FormArchive:MaxQueuedWork=0", "--FormArchive:MaxQueueWaitSeconds=1", "--webroot", WebPagesFolder(),
            .. await SettingsAsync(),
        ]);
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.First());
        Client = ClientFor(Role.Integrator);
    }

    /// <summary>
    /// The web pages in the source tree, given as the web root: the service would find them by walking up from its
    /// binaries, but not when they are built outside the repository (dotnet test --artifacts-path /tmp/…).
    /// </summary>
    private static string WebPagesFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "src", "FormArchive.Api", "wwwroot"));

    public HttpClient ClientFor(Role role, string? township = null) =>
        ClientWithKey(App.Services.GetRequiredService<ApiKeyStore>().Add($"test {role} {township}", role, township).Secret);

    /// <summary>A clerk's key of a named person in a post, at a township or (county given) at a county.</summary>
    public HttpClient ClerkFor(string name, string? township, Post post = Post.Handler, string? county = null) =>
        ClientWithKey(App.Services.GetRequiredService<ApiKeyStore>().Add(name, Role.Clerk, county is null ? township : null, county, post).Secret);

    /// <summary>A county's 核对机构 (a system's key, named for the 核对机构).</summary>
    public HttpClient VerifierFor(string county, string? name = null) =>
        ClientWithKey(App.Services.GetRequiredService<ApiKeyStore>().Add(name ?? $"{county}居民家庭经济状况核对中心", Role.Verifier, county: county).Secret);

    public HttpClient ClientWithKey(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        if (key is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        _clients.Add(client);
        return client;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        await App.DisposeAsync();
        if (!_ownsData) return;
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { } // sealed objects are read-only on disk
    }
}

/// <summary>A second app over another server's data folder: what the service sees after a restart.</summary>
public sealed class RestartedApiServer(string dataDirectory) : ApiServer(dataDirectory);
