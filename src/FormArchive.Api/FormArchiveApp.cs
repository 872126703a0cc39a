using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Endpoints;
using FormArchive.Api.Http;
using FormArchive.Api.Observability;
using FormArchive.Api.Settings;
using FormArchive.Api.Work;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

namespace FormArchive.Api;

/// <summary>
/// Composition of the HTTP service; tests build the same app on a loopback port. The data folder is
/// FormArchive:Data (or FORMARCHIVE_DATA, default ./data): archive store (or S3 when FormArchive:S3:* or
/// FORMARCHIVE_S3_* is set; see ArchiveSettings), catalog.db, access.db (API keys) and audit.db.
/// </summary>
public static class FormArchiveApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Apply);
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddScoped<RequestAudit>();
        builder.Services.AddScoped<CaseContext>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddSingleton(_ =>
        {
            var root = builder.Configuration["FormArchive:Templates"] ?? TemplateCatalog.FindDefaultRoot();
            return TemplateCatalog.Load(root);
        });
        // The archive's own documents (dossier front matter, 四性检测报告) from the same templates folder as the forms.
        builder.Services.AddSingleton(sp =>
            new FormArchive.Archive.Printing.ArchivePrinter(TemplateCatalog.LoadArchive(sp.GetRequiredService<TemplateCatalog>().Root)));
        builder.Services.AddSingleton(_ => new FormRenderer());
        builder.Services.AddSingleton(_ => new DocumentRenderer());
        builder.Services.AddSingleton<FormPrinter>();
        builder.Services.AddSingleton<FormArchive.Casework.Records.CaseSchema>();
        builder.Services.AddSingleton<FormArchive.Casework.Records.CaseRecordSaving>();

        var data = Path.GetFullPath(builder.Configuration["FormArchive:Data"] ?? Environment.GetEnvironmentVariable("FORMARCHIVE_DATA") ?? "data");
        var limits = ApiLimits.From(builder.Configuration);
        builder.Services.AddSingleton(limits);
        var s3 = ArchiveSettings.S3(builder.Configuration);
        var retention = ArchiveSettings.Retention(builder.Configuration);
        // Whose procedure and which review intervals: FormArchive:CaseRules / FormArchive:ReviewMonths (or the CLI's variables).
        var casework = CaseworkSettings.Parse(
            builder.Configuration["FormArchive:CaseRules"] ?? Environment.GetEnvironmentVariable(CaseworkSettings.RulesVariable),
            builder.Configuration["FormArchive:ReviewMonths"] ?? Environment.GetEnvironmentVariable(CaseworkSettings.ReviewMonthsVariable))
            with
        { Counties = CountySettings.From(builder.Configuration) };
        var fonds = ArchiveSettings.Fonds(builder.Configuration);
        builder.Services.AddSingleton(_ => ArchiveHost.OpenAsync(data, s3, retention: retention,
            standing: CaseProcedure.Standing(WorkingDayCalendar.Default, casework.Rules), fonds: fonds).GetAwaiter().GetResult());
        builder.Services.AddSingleton(sp => new CaseProcedure(sp.GetRequiredService<ArchiveHost>(), WorkingDayCalendar.Default, casework));
        builder.Services.AddSingleton<FormArchive.Casework.Records.IStageLabelSource>(sp => sp.GetRequiredService<CaseProcedure>());
        builder.Services.AddSingleton(_ => new ApiKeyStore(Path.Combine(data, "access.db")));
        builder.Services.AddSingleton(sp => new AuditLog(Path.Combine(data, "audit.db"), new AuditAnchors(
            sp.GetRequiredService<ArchiveHost>().Archive.Store,
            builder.Configuration["FormArchive:AuditLogName"] is { Length: > 0 } name ? name : "main",
            Math.Max(1, builder.Configuration.GetValue("FormArchive:AuditAnchorEveryEntries", 100)),
            TimeSpan.FromMinutes(Math.Max(1, builder.Configuration.GetValue("FormArchive:AuditAnchorEveryMinutes", 10))))));
        builder.Services.AddSingleton(_ => new WorkGate(limits.MaxConcurrentWork, limits.MaxQueuedWork, TimeSpan.FromSeconds(limits.MaxQueueWaitSeconds)));
        builder.Services.AddSingleton<PdfPageCountCache>();
        builder.Services.AddFormArchiveTimeouts(limits);
        builder.Services.AddSingleton(_ => new ScanPipeline());
        // Uploads are limited per endpoint (ScanUpload); everything else keeps Kestrel's default body limit.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(limits.MaxUploadBytes, 30L * 1024 * 1024));
        builder.Services.AddApiKeyAuthentication();
        builder.AddObservability();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestMetrics();
        Web.WebPages.UseWebPages(app); // clerk and archivist pages from wwwroot (UseDefaultFiles + UseStaticFiles)
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseAuthorization();
        // Load the catalog (and trial-render every template) and open the archive at start-up, not on the first request.
        app.Services.GetRequiredService<TemplateCatalog>();
        app.Services.GetRequiredService<FormArchive.Archive.Printing.ArchivePrinter>();
        var host = app.Services.GetRequiredService<ArchiveHost>();
        host.Archive.IndexFailed += (caseId, e) =>
            app.Logger.LogWarning("catalog update of case {CaseId} failed: {Error} (formarchive reindex repairs it)", caseId, e.Message);
        AdminKeyBootstrap.EnsureAdmin(app.Services.GetRequiredService<ApiKeyStore>(), data, app.Logger);
        Cases.StartupCleanup.Schedule(app, host);

        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithName("Health").WithSummary("Liveness: the process answers").WithTags("Service");
        app.MapReadiness();
        app.MapFormEndpoints();
        app.MapCaseEndpoints();
        app.MapCaseFilingEndpoints();
        app.MapCaseRetrievalEndpoints();
        app.MapCasePageEndpoints();
        app.MapCaseEventEndpoints();
        app.MapCaseProgressEndpoints();
        app.MapTodoEndpoints();
        app.MapCountyQueueEndpoints();
        app.MapMeEndpoints();
        app.MapReviewListEndpoints();
        app.MapCaseRecordEndpoints();
        app.MapCaseVerificationEndpoints();
        app.MapAdminEndpoints();
        app.MapObservability();
        return app;
    }
}
