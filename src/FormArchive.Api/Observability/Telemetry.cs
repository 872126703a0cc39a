using System.Diagnostics;
using System.Text.RegularExpressions;
using FormArchive.Api.Access;
using FormArchive.Api.Http;
using FormArchive.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace FormArchive.Api.Observability;

/// <summary>
/// Logs, request metrics and the API reference. Logs are JSON lines with FORMARCHIVE_LOG_JSON=1 or
/// FormArchive:LogJson=true (or the standard Logging:Console:FormatterName=json). No personal data reaches the
/// logs: one line per request names the route template (/api/cases/{caseId}), never the raw path or query; the
/// framework's own request and result lines (raw URLs, download file names) are held at Warning unless
/// Logging:LogLevel:Microsoft.AspNetCore is configured; unhandled exceptions are logged here with ID numbers
/// masked and messages in Chinese (which may carry names) withheld. /metrics needs an admin key unless
/// FormArchive:PublicMetrics=true (for a scraper on a trusted network).
/// </summary>
public static partial class Telemetry
{
    public const string RequestCategory = "FormArchive.Api.Requests";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (config.GetValue("FormArchive:LogJson", false) || Environment.GetEnvironmentVariable("FORMARCHIVE_LOG_JSON") is "1" or "true")
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        if (config["Logging:LogLevel:Microsoft.AspNetCore"] is null)
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Unhandled exceptions are logged by the metrics middleware, scrubbed; the handler only answers.
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = _ => true);
        builder.Services.AddSingleton<RequestMetrics>();
        builder.Services.AddApiReference();
    }

    /// <summary>
    /// Times every request (after the exception handler, so a failure counts as the 500 it becomes; before the
    /// static files, so the web pages count too).
    /// </summary>
    public static void UseRequestMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<RequestMetrics>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestCategory);
        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var failed = false;
            int? mapped = null;
            try
            {
                await next(http);
            }
            catch (Exception e) when (DomainProblems.Of(e) is { } problem)
            {
                // Not unhandled: the DomainExceptionHandler answers it (and clears the route, so it is taken here).
                mapped = problem.StatusCode;
                throw;
            }
            catch (Exception e)
            {
                failed = true;
                if (!http.RequestAborted.IsCancellationRequested) LogUnhandled(log, http, e);
                throw;
            }
            finally
            {
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var status = mapped ?? (failed && !http.Response.HasStarted ? StatusCodes.Status500InternalServerError : http.Response.StatusCode);
                var method = MethodName(http.Request.Method);
                var route = RouteOf(http);
                metrics.Record(method, route, status, ms);
                log.LogInformation("{Method} {Route} {StatusCode} {ElapsedMs} ms", method, route, status, Math.Round(ms, 1));
            }
        });
    }

    public static void MapObservability(this WebApplication app)
    {
        var metrics = app.MapGet("/metrics", MetricsEndpoint.Get)
            .WithName("Metrics")
            .WithSummary("Request counts and latency percentiles per endpoint, work-queue depth; "
                + "JSON, or Prometheus text with Accept: text/plain or format=prometheus")
            .WithTags("Service");
        if (!app.Configuration.GetValue("FormArchive:PublicMetrics", false)) metrics.RequireAuthorization(AccessPolicies.Admin);
        app.MapApiReference();
    }

    /// <summary>
    /// The route template of the matched endpoint; the web pages' static files share one key, and so do requests
    /// that nothing answered.
    /// </summary>
    public static string RouteOf(HttpContext http) => http.GetEndpoint() switch
    {
        RouteEndpoint { RoutePattern.RawText: { } raw } => RouteName(raw),
        _ when Web.WebPages.ServedFile(http) => RequestMetrics.StaticFiles,
        _ => RequestMetrics.Unmatched,
    };

    /// <summary>
    /// The route as the OpenAPI document names it: constraints such as {no:int} become {no}, and a group's root
    /// route, whose raw text reads "/api/cases/", loses its trailing slash.
    /// </summary>
    private static string RouteName(string raw)
    {
        var route = Constraint().Replace(raw.StartsWith('/') ? raw : "/" + raw, "}");
        return route.Length > 1 ? route.TrimEnd('/') : route;
    }

    /// <summary>Route constraints such as {no:int} become {no}, as in the OpenAPI document.</summary>
    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();

    private static string MethodName(string method) => method switch
    {
        "GET" or "POST" or "PUT" or "DELETE" or "PATCH" or "HEAD" or "OPTIONS" => method,
        _ => "OTHER",
    };

    private static void LogUnhandled(ILogger log, HttpContext http, Exception e) =>
        log.LogError("unhandled {ExceptionType} on {Method} {Route} (trace {TraceId}): {Message}\n{StackTrace}",
            e.GetType().FullName, MethodName(http.Request.Method), RouteOf(http), http.TraceIdentifier, Scrub(e.Message), e.StackTrace);

    /// <summary>
    /// A message fit for the logs: ID numbers masked (110105********0029); a message with Chinese text, which may
    /// carry a name, is withheld.
    /// </summary>
    public static string Scrub(string? message)
    {
        if (string.IsNullOrEmpty(message)) return "";
        if (Han().IsMatch(message)) return "(message withheld: it may contain personal data)";
        return IdNumberMasking.MaskInText(message);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
