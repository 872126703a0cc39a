using FormArchive.Api.Endpoints;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

namespace FormArchive.Api;

/// <summary>Composition of the HTTP service; tests build the same app on a loopback port.</summary>
public static class FormArchiveApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(_ =>
        {
            var root = builder.Configuration["FormArchive:Templates"] ?? TemplateCatalog.FindDefaultRoot();
            return TemplateCatalog.Load(root);
        });
        builder.Services.AddSingleton(_ => new FormRenderer());
        builder.Services.AddSingleton(_ => new DocumentRenderer());
        builder.Services.AddSingleton<FormPrinter>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Load the catalog (and trial-render every template) at start-up, not on the first request.
        app.Services.GetRequiredService<TemplateCatalog>();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapFormEndpoints();
        return app;
    }
}
