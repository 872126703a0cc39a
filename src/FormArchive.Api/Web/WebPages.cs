using Microsoft.Extensions.FileProviders;

namespace FormArchive.Api.Web;

/// <summary>
/// The clerk and archivist pages (plain HTML/JS/CSS in wwwroot) as static files. The pages call the API with
/// the key the user types in; the files themselves are public. The folder is the host's web root when it has
/// the pages (published build, --webroot), else wwwroot beside the binaries, else the source folder found by
/// walking up from the binaries or the working directory (dotnet run from the repository).
/// </summary>
public static class WebPages
{
    private static readonly object ServedMark = new();

    /// <summary>
    /// Whether one of the pages' files answered this request (200, or 304 and the like), for the request metrics,
    /// which count them all under one label. Set by the static-file middleware as it prepares the response.
    /// </summary>
    public static bool ServedFile(HttpContext http) => http.Items.ContainsKey(ServedMark);

    public static WebApplication UseWebPages(this WebApplication app)
    {
        var root = Locate(app.Environment.WebRootPath);
        if (root is null)
        {
            app.Logger.LogWarning("web pages not found (no wwwroot/index.html); only the API is served");
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                ctx.Context.Items[ServedMark] = true;
                var h = ctx.Context.Response.Headers;
                h.CacheControl = "no-cache";
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "no-referrer";
                h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
            },
        });
        return app;
    }

    public static string? Locate(string? webRoot)
    {
        static bool HasPages(string? dir) => dir is not null && File.Exists(Path.Combine(dir, "index.html"));
        if (HasPages(webRoot)) return webRoot;
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (HasPages(beside)) return beside;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var source = Path.Combine(dir.FullName, "src", "FormArchive.Api", "wwwroot");
                if (HasPages(source)) return source;
                if (dir.Name == "FormArchive.Api" && HasPages(Path.Combine(dir.FullName, "wwwroot"))) return Path.Combine(dir.FullName, "wwwroot");
            }
        return null;
    }
}
