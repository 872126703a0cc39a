using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Api.Work;
using FormArchive.Archive.Access;
using FormArchive.Archive.Export;
using FormArchive.Archive.Printing;
using FormArchive.Archive.Verify;
using FormArchive.Casework.Stages;
using FormArchive.Casework.Verification;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>Archivist reads: the dossier PDF, the export ZIP (sealed cases) and the 四性检测 report.</summary>
public static class CaseRetrievalEndpoints
{
    public static void MapCaseRetrievalEndpoints(this IEndpointRouteBuilder app)
    {
        // Whole-case work reads every document: the long time limit.
        var cases = app.MapCaseGroup().RequireAuthorization(AccessPolicies.Archivist).WithTags("Archive");
        cases.WithRequestTimeout(RequestTimeouts.Long);
        cases.MapGet("/dossier", Dossier)
            .WithAuditAction("case.dossier")
            .WithName("GetDossier")
            .WithSummary("The case as one dossier PDF");
        cases.MapGet("/export", Export)
            .WithAuditAction("case.export")
            .WithName("ExportCase")
            .WithSummary("Export package (ZIP) of a sealed case");
        cases.MapGet("/verify", Verify)
            .WithAuditAction("case.verify")
            .AllowUnreadableCaseForArchivists()
            .WithName("VerifyCase")
            .WithSummary("四性检测 report; format=json|pdf")
            .WithDescription("A case whose log cannot be read at all is still reported (as damaged), not refused.");
    }

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> Dossier(
        string caseId, HttpContext http, CaseContext c, CaseProcedure procedure, ArchivePrinter printer) =>
        GatedWork.RunAsync<Results<FileContentHttpResult, ProblemHttpResult>>(http, async () =>
        {
            var pdf = await procedure.DossierAsync(caseId, c.Caller.Actor, printer, c.Cancel);
            return TypedResults.File(pdf, "application/pdf", $"{caseId} 案卷.pdf");
        });

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(string caseId, HttpContext http, CaseContext c)
    {
        if (!c.Case.Sealed)
            return Problems.Create(StatusCodes.Status409Conflict, "案件尚未封存", $"案件 {caseId} 尚未封存；只有已封存的案件才能导出。");
        using var zip = new MemoryStream();
        await ExportPackage.WriteAsync(c.Archive, caseId, zip, c.Caller.Actor, c.Cancel);
        return TypedResults.File(zip.ToArray(), "application/zip", $"{caseId}.zip");
    }

    private static async Task<Results<JsonHttpResult<VerificationReport>, FileContentHttpResult, ProblemHttpResult>> Verify(
        string caseId, string? format, HttpContext http, ArchivePrinter printer, CaseContext c, CaseProcedure procedure, ApiKeyStore keys)
    {
        // The sign-offs too: every signed step against the key register.
        var signOffs = new SignOffCheck(c.Archive, keys, procedure.Settings);
        var report = await new CaseVerifier(c.Archive, extraChecks: [signOffs]).VerifyAsync(caseId, c.Caller.Actor, c.Cancel);
        c.Detail = report.Passed ? "passed" : $"{report.Failures.Count()} failure(s)";
        return format?.ToLowerInvariant() switch
        {
            null or "" or "json" => TypedResults.Json(report, Archive.Cases.ArchiveJson.Options),
            "pdf" => TypedResults.File(VerificationReportPdf.Build(report, printer), "application/pdf", $"{caseId} 四性检测报告.pdf"),
            _ => Problems.BadRequest("不支持的格式", $"format 应为 json 或 pdf，而不是“{format}”。"),
        };
    }
}
