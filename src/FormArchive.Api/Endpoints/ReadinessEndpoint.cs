using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Http;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>/readyz: the store answers a listing, the SQLite files (catalog, keys, audit) open and the OCR models load. 503 otherwise.</summary>
public static class ReadinessEndpoint
{
    public static void MapReadiness(this IEndpointRouteBuilder app) => app.MapGet("/readyz", Ready)
        .WithName("Ready")
        .WithSummary("Readiness: the store and the SQLite files are reachable (503 otherwise)")
        .WithTags("Service");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Ready(ArchiveHost host, ApiKeyStore keys, AuditLog audit, CancellationToken ct)
    {
        var failures = new List<string>();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await host.Archive.Store.ListAsync(StoreArea.Journal, "readyz/", timeout.Token);
        }
        catch (Exception e) { failures.Add($"store {host.Archive.Store.Description}: {e.GetType().Name}: {e.Message}"); }
        try { host.Catalog.Count(); }
        catch (Exception e) { failures.Add($"catalog: {e.Message}"); }
        try { keys.Ping(); audit.Ping(); }
        catch (Exception e) { failures.Add($"keys/audit: {e.Message}"); }
        // Scans cannot be read without the PP-OCR models (scripts/fetch-ocr-models.sh).
        if (FormArchive.Ingest.Ocr.Paddle.PaddleOcr.SharedProblem is { } ocr) failures.Add($"OCR: {ocr}");
        return failures.Count == 0
            ? TypedResults.Text("ready")
            : Problems.Create(StatusCodes.Status503ServiceUnavailable, "服务未就绪", "以下部分不可用（原始信息供运维排查）：" + string.Join("; ", failures));
    }
}
