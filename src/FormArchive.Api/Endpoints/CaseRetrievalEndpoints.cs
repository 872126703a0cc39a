using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Api.Cases;
using FormArchive.Api.Work;
using FormArchive.Casework.Stages;
using FormArchive.Archive.Export;
using FormArchive.Archive.Printing;
using FormArchive.Archive.Verify;

namespace FormArchive.Api.Endpoints;

/// <summary>Archivist reads: the dossier PDF, the export ZIP (sealed cases) and the 四性检测 report.</summary>
public static class CaseRetrievalEndpoints
{
    public static void MapCaseRetrievalEndpoints(this IEndpointRouteBuilder app)
    {
        // Whole-case work reads every document: the long time limit.
        var cases = app.MapGroup("/api/cases/{caseId}");
        cases.RequireRoles(Role.Archivist);
        cases.WithRequestTimeout(RequestTimeouts.Long);
        cases.MapGet("/dossier", (string caseId, HttpContext http, CaseProcedure procedure, ArchivePrinter printer) => CaseAccess.RunAsync(http, caseId, "case.dossier", c =>
            GatedWork.RunAsync(http, async () =>
            {
                var pdf = await procedure.DossierAsync(caseId, c.Caller.Actor, printer, c.Cancel);
                return Results.File(pdf, "application/pdf", $"{caseId} 案卷.pdf");
            })));
        cases.MapGet("/export", (string caseId, HttpContext http) => CaseAccess.RunAsync(http, caseId, "case.export", async c =>
        {
            if (!c.Case.Sealed)
                return Problems.Create(StatusCodes.Status409Conflict, "Case not sealed", $"case {caseId} is not sealed; only sealed cases are exported");
            using var zip = new MemoryStream();
            await ExportPackage.WriteAsync(c.Archive, caseId, zip, c.Caller.Actor, c.Cancel);
            return Results.File(zip.ToArray(), "application/zip", $"{caseId}.zip");
        }));
        cases.MapGet("/verify", (string caseId, string? format, HttpContext http, ArchivePrinter printer) => CaseAccess.RunAsync(http, caseId, "case.verify", async c =>
        {
            var report = await new CaseVerifier(c.Archive).VerifyAsync(caseId, c.Caller.Actor, c.Cancel);
            c.Detail = report.Passed ? "passed" : $"{report.Failures.Count()} failure(s)";
            return format?.ToLowerInvariant() switch
            {
                null or "" or "json" => Results.Json(report, Archive.Cases.ArchiveJson.Options),
                "pdf" => Results.File(VerificationReportPdf.Build(report, printer), "application/pdf", $"{caseId} 四性检测报告.pdf"),
                _ => Problems.BadRequest("Unsupported format", $"format must be json or pdf, not '{format}'"),
            };
        }, unreadable: true));
    }
}
