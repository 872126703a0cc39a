using System.Text.Json;
using System.Text.Json.Nodes;
using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Api.Settings;
using FormArchive.Api.Work;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Checklist;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Recognition;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates.Printing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// Clerk writes to a case of their township: render a form into it, upload scans (OCR, filed as original +
/// searchable PDF + ingest result), the 补充材料一次性告知书, seal. A sealed case answers 409 to each.
/// </summary>
public static class CaseFilingEndpoints
{
    public const string SupplementNoticeForm = "chizhou.supplement-notice";

    public static void MapCaseFilingEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapCaseGroup().RequireAuthorization(AccessPolicies.Clerk).WithTags("Case filing");
        cases.MapPost("/forms/{formId}", RenderIntoCase)
            .WithAuditAction("case.render")
            .AcceptsJsonText(FormEndpoints.MaxDataBytes, optional: true)
            .WithName("RenderIntoCase")
            .WithSummary("Render a form (JSON case data) and file it into the case")
            .WithDescription("Dates the procedure fixes (公示 start and end …) are taken from the case's recorded stages.");
        cases.MapPost("/scans", UploadScans)
            .WithAuditAction("case.upload")
            .WithRequestTimeout(RequestTimeouts.Long) // OCR of many pages
            .WithName("UploadScans")
            .WithSummary("Upload scans (multipart, several files, optional hints): OCR, match, file")
            .WithDescription("All or nothing: a refused file files nothing of the upload.");
        cases.MapPost("/supplement-notice", SupplementNotice)
            .WithAuditAction("case.supplement-notice")
            .WithName("SupplementNotice")
            .WithSummary("File and download the 补充材料一次性告知书 for what is missing");
        cases.MapPost("/seal", Seal)
            .WithAuditAction("case.seal")
            .WithName("SealCase")
            .WithSummary("Seal the case (no writes afterwards)");
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Seal(CaseContext c)
    {
        var seal = await c.Archive.SealAsync(c.Case.CaseId, c.Caller.Actor, c.Cancel);
        c.Detail = $"sealed {seal.Case.Documents.Count} documents, manifest {seal.Case.SealedManifestSha256}";
        return TypedResults.Ok(CaseView.Of(seal.Case, fonds: c.Archive.Fonds));
    }

    private static async Task<Results<Created<DocumentEntry>, ProblemHttpResult>> RenderIntoCase(
        string caseId, string formId, HttpContext http, CaseContext c, FormPrinter printer, CaseProcedure procedure)
    {
        c.Detail = $"form {formId}";
        if (c.Case.Sealed) throw new CaseSealedException(caseId);
        var body = await FilledFromStagesAsync(c, procedure, JsonBody.Text(http) ?? "");
        return await GatedWork.RunAsync<Results<Created<DocumentEntry>, ProblemHttpResult>>(http, async () =>
        {
            var printed = await Task.Run(() => printer.Print(formId, string.IsNullOrWhiteSpace(body) ? null : body, OutputFormat.Pdf), c.Cancel);
            var entry = await FileForm(c, printed, body);
            c.Detail += $" → document {entry.No}";
            return TypedResults.Created($"/api/cases/{caseId}/documents/{entry.No}", entry);
        });
    }

    /// <summary>
    /// The form's data with its dates, signers and the county's first month taken from the case's recorded stages
    /// (Casework's <see cref="StageFormFields"/>).
    /// Data that is not a JSON object is left for the printer to refuse as before; a blank form stays blank.
    /// </summary>
    private static async Task<string> FilledFromStagesAsync(CaseContext c, CaseProcedure procedure, string body)
    {
        // A 补充卷 continues the log of the volumes before it, so it may have dates without steps of its own.
        if (string.IsNullOrWhiteSpace(body) || (c.Case.Stages.Count == 0 && c.Case.Metadata.SupplementOf is null)) return body;
        JsonObject data;
        try
        {
            if (JsonNode.Parse(body) is not JsonObject parsed) return body;
            data = parsed;
        }
        catch (JsonException)
        {
            return body;
        }
        var filled = StageFormFields.Fill(data, (await procedure.LogOfAsync(c.Case, c.Cancel)).Events);
        if (filled.Count == 0) return body;
        c.Detail += $", from stages: {string.Join(", ", filled)}";
        return data.ToJsonString();
    }

    private static async Task<DocumentEntry> FileForm(CaseContext c, PrintedForm printed, string? data)
    {
        var entry = await FormFiling.FileAsync(c.Archive, c.Case,
            new FormToFile(printed.Form.Title, printed.FileName, printed.Document.Content, FormDocNumber.Of(printed.Form, data)), c.Caller.Actor, c.Cancel);
        if (printed.Document.PageCount is { } pages) c.Http.RequestServices.GetRequiredService<PdfPageCountCache>().Remember(entry.Sha256, pages);
        return entry;
    }

    private static async Task<Results<Ok<ScanUploadReport>, ProblemHttpResult>> UploadScans(
        string caseId, HttpContext http, CaseContext c, ScanPipeline pipeline, ApiLimits limits)
    {
        if (c.Case.Sealed) throw new CaseSealedException(caseId);
        var (scans, problem) = await ScanUpload.ReadAsync(http.Request, limits.MaxUploadBytes, c.Cancel);
        if (problem is not null) return problem;
        c.Detail = $"{scans!.Count} file(s): {string.Join(", ", scans.Select(s => s.FileName))}";

        // Cheap checks before queueing, one file in memory at a time: an empty file or an active PDF is refused at once.
        var rejected = new List<(string File, string Reason)>();
        foreach (var s in scans)
            if (await ScanUpload.ScreenAsync(s, limits.Decode, c.Cancel) is { } reason) rejected.Add((s.FileName, reason));
        if (rejected.Count > 0) return Rejected(rejected);

        // OCR everything first: if any file is refused, nothing of the upload is filed.
        return await GatedWork.RunAsync<Results<Ok<ScanUploadReport>, ProblemHttpResult>>(http, async () =>
        {
            var members = await CaseHousehold.ReadAsync(c.Archive, c.Case, c.Cancel);
            var contents = new List<byte[]>();
            var results = new List<ScanResult>();
            foreach (var s in scans)
            {
                var content = await s.ReadAsync(c.Cancel);
                contents.Add(content);
                results.Add(await Task.Run(() => pipeline.Process(s.FileName, content,
                    new IngestOptions { Hint = s.Hint, Members = members, Limits = new ScanLimits { MaxPixelsPerPage = limits.MaxPixels } }), c.Cancel));
            }
            var refused = results.Where(r => r.IsRejected).Select(r => (r.File, r.Rejected!)).ToList();
            if (refused.Count > 0) return Rejected(refused);

            // Past this point the upload is filed whole even if the client goes away or the time limit strikes:
            // every document of every file in one archive call, which lists them all in one event.
            c.Cancel.ThrowIfCancellationRequested();
            var filedScans = await ScanFiling.FileAsync(c.Archive, c.Case,
                [.. scans.Select((s, i) => new ScanToFile(s.FileName, s.ContentType, contents[i], results[i], s.DocNumber))],
                c.Caller.Actor, CancellationToken.None);
            var filed = new List<FiledScanReport>();
            for (int i = 0; i < scans.Count; i++)
            {
                var f = filedScans[i];
                http.RequestServices.GetRequiredService<PdfPageCountCache>().Remember(f.SearchablePdf.Sha256, results[i].Pages.Count);
                filed.Add(Report(scans[i], results[i], f.Original, f.SearchablePdf, f.IngestResult));
            }
            return TypedResults.Ok(new ScanUploadReport(caseId, filed));
        });
    }

    private static ProblemHttpResult Rejected(List<(string File, string Reason)> files) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, "扫描件被拒收",
            $"{files[0].File}：{files[0].Reason}" + (files.Count > 1 ? $"（另有 {files.Count - 1} 个文件）；均未归档。" : "；未归档。"),
            new Dictionary<string, object?>
            {
                ["files"] = files.Select(f => new { file = IdNumberMasking.MaskInText(f.File), reason = IdNumberMasking.MaskInText(f.Reason) }).ToList(),
            });

    /// <summary>The per-page report of one filed scan (ID numbers masked: the clerk sees the match, not the number).</summary>
    private static FiledScanReport Report(UploadedScan upload, ScanResult scan, DocumentEntry original, DocumentEntry pdf, DocumentEntry result) =>
        new(upload.FileName, new FiledScanDocuments(original.No, pdf.No, result.No), [.. scan.Pages.Select(p => new FiledScanPage(
            p.Page, PageClassifier.HintName(p.Type), PageClassifier.HintName(p.ClassifiedAs), DocumentTitles.Of(p.Type), p.Orientation,
            Math.Round(p.DeskewDegrees, 2), p.OcrConfidence, p.Width, p.Height,
            [.. p.IdNumbers.Select(i => new FiledIdNumber(IdNumberMasking.Mask(i.Number), i.IsValid, i.MatchedMember, i.Problem, i.Box))],
            p.CardBack, p.Warnings))]);

    /// <summary>
    /// The 补充材料一次性告知书: what the checklist misses, and, while the case is back from the county for 补正, the
    /// items its 退回补正 asks for (Casework's <see cref="CountyReturn"/>), each once.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SupplementNotice(
        string caseId, HttpContext http, CaseContext c, FormPrinter printer, CaseProcedure procedure)
    {
        if (c.Case.Sealed) throw new CaseSealedException(caseId);
        var checklist = await CaseChecklist.OfCaseAsync(c.Archive, c.Case, ChinaTime.Today(), c.Cancel);
        var supply = CountyReturn.Outstanding((await procedure.LogOfAsync(c.Case, c.Cancel)).Events).Distinct()
            .Where(s => checklist.All(i => i.Present || i.Material != s)).Select(s => new ChecklistItem("county-supply", s, false));
        var items = checklist.Concat(supply).ToList();
        var missing = CaseChecklist.MissingFromApplicant(items);
        c.Detail = $"{missing.Count} missing";
        if (missing.Count == 0)
            return Problems.Create(StatusCodes.Status409Conflict, "材料齐全", $"案件 {caseId} 的必备材料已齐全，无需补正通知。");
        var data = CaseChecklist.SupplementNoticeData(c.Case.Metadata.ApplicantName, items, c.Case.Metadata.Agency, ChinaTime.Today());
        var json = System.Text.Json.JsonSerializer.Serialize(data);
        return await GatedWork.RunAsync<Results<FileContentHttpResult, ProblemHttpResult>>(http, async () =>
        {
            var printed = await Task.Run(() => printer.Print(SupplementNoticeForm, json, OutputFormat.Pdf), c.Cancel);
            var entry = await FileForm(c, printed, json);
            http.Response.Headers["X-Document-No"] = entry.No.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.File(printed.Document.Content, "application/pdf", printed.FileName);
        });
    }
}
