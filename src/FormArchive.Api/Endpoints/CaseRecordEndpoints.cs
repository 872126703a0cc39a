using System.Text.Json.Nodes;
using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.CaseRecords;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Api.Work;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Records;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// /api/cases/{caseId}/record: the case's full data (templates/case.schema.json) in versions — save (validated as
/// rendering validates), read the newest or any version, what changed, the persons read on its scans, and a form
/// printed from a saved version.
/// </summary>
public static class CaseRecordEndpoints
{
    public static void MapCaseRecordEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/case-schema", (TemplateCatalog catalog) =>
                TypedResults.PhysicalFile(Path.Combine(catalog.Root, "case.schema.json"), "application/schema+json"))
            .RequireAuthorization(AccessPolicies.CaseReader)
            .WithName("GetCaseSchema")
            .WithSummary("JSON schema of a case's full data (the case record)")
            .AllowCountyDesk()
            .WithTags("Case record");
        // A new case starts from its scans: read (not filed) before the case exists.
        app.MapPost("/api/case-intake/scans", ScanIntake.ReadAsync)
            .RequireAuthorization(AccessPolicies.Clerk)
            .Audited("intake.read")
            .WithRequestTimeout(RequestTimeouts.Long)
            .WithName("ReadIntakeScans")
            .WithSummary("Read the persons on ID cards and 户口簿 cards before a case exists (nothing is filed)")
            .WithTags("Case record");
        var record = app.MapCaseGroup("/record").WithTags("Case record");
        record.MapGet("", Read)
            .WithAuditAction("record.read")
            .RequireAuthorization(AccessPolicies.CaseReader)
            .AllowCountyDesk()
            .WithName("GetCaseRecord")
            .WithSummary("The case's full data, newest version (or a draft from the case data), with its versions");
        record.MapGet("/versions/{version:int}", Version)
            .WithAuditAction("record.read")
            .RequireAuthorization(AccessPolicies.CaseReader)
            .AllowCountyDesk()
            .WithName("GetCaseRecordVersion")
            .WithSummary("One saved version of the case's full data");
        record.MapGet("/changes", Changes)
            .WithAuditAction("record.changes")
            .RequireAuthorization(AccessPolicies.CaseReader)
            .AllowCountyDesk()
            .WithName("GetCaseRecordChanges")
            .WithSummary("What changed between two versions (from=, to=; default the newest against the one before), ID numbers masked");
        record.MapPut("", Save)
            .RequireAuthorization(AccessPolicies.Clerk)
            .WithAuditAction("record.save")
            .AcceptsJsonText(FormEndpoints.MaxDataBytes, optional: false)
            .WithName("SaveCaseRecord")
            .WithSummary("Save the case's full data as a new version (validated against the case schema)");
        record.MapGet("/scanned-persons", ScannedPersonsOf)
            .WithAuditAction("record.scanned-persons")
            .RequireAuthorization(AccessPolicies.Clerk)
            .WithName("GetScannedPersons")
            .WithSummary("The persons read on the case's scans and the expired ID cards, to fill the case data from");
        record.MapPost("/print/{formId}", Print)
            .WithAuditAction("record.print")
            .RequireAuthorization(AccessPolicies.Clerk)
            .WithName("PrintFromCaseRecord")
            .WithSummary("Print a form from the newest saved version and file it into the case");
    }

    private static async Task<Results<Ok<CaseRecordView>, ProblemHttpResult>> Read(string caseId, HttpContext http, CaseContext c)
    {
        var versions = CaseRecordVersions.List(c.Case);
        var data = versions.Count == 0
            ? await CaseRecordVersions.DraftAsync(c.Archive, c.Case, c.Cancel)
            : await CaseRecordVersions.ReadAsync(c.Archive, c.Case, versions[^1], c.Cancel);
        return TypedResults.Ok(new CaseRecordView(caseId, versions.Count, c.Case.Sealed, data, versions));
    }

    private static async Task<Results<Ok<CaseRecordVersionView>, ProblemHttpResult>> Version(string caseId, int version, HttpContext http, CaseContext c)
    {
        var versions = CaseRecordVersions.List(c.Case);
        if (version < 1 || version > versions.Count)
            return Problems.Create(StatusCodes.Status404NotFound, "没有这一版", $"案件数据没有第 {version} 版（共 {versions.Count} 版）");
        return TypedResults.Ok(new CaseRecordVersionView(caseId, version,
            await CaseRecordVersions.ReadAsync(c.Archive, c.Case, versions[version - 1], c.Cancel)));
    }

    private static async Task<Results<Ok<CaseRecordChanges>, ProblemHttpResult>> Changes(string caseId, int? from, int? to, HttpContext http, CaseContext c)
    {
        var versions = CaseRecordVersions.List(c.Case);
        int b = to ?? versions.Count, a = from ?? b - 1;
        if (b < 1 || b > versions.Count || a < 0 || a > versions.Count)
            return Problems.Create(StatusCodes.Status404NotFound, "没有这一版", $"案件数据共 {versions.Count} 版，没有第 {(b < 1 || b > versions.Count ? b : a)} 版");
        var before = a == 0 ? null : await CaseRecordVersions.ReadAsync(c.Archive, c.Case, versions[a - 1], c.Cancel);
        var after = await CaseRecordVersions.ReadAsync(c.Archive, c.Case, versions[b - 1], c.Cancel);
        return TypedResults.Ok(new CaseRecordChanges(caseId, a, b, CaseRecordDiff.Between(before, after)));
    }

    private static async Task<Results<Ok<ScannedPersonsView>, ProblemHttpResult>> ScannedPersonsOf(string caseId, HttpContext http, CaseContext c)
    {
        var (persons, expired) = await ScannedPersons.OfCaseAsync(c.Archive, c.Case, c.Cancel);
        return TypedResults.Ok(new ScannedPersonsView(caseId, persons, expired));
    }

    private static async Task<Results<Created<CaseRecordSaved>, Ok<CaseRecordSaved>, ProblemHttpResult>> Save(
        string caseId, HttpContext http, CaseRecordSaving saving, CaseContext c)
    {
        if (c.Case.Sealed) throw new CaseSealedException(caseId);
        SavedCaseRecord saved;
        try { saved = await saving.SaveAsync(c.Archive, caseId, JsonBody.Text(http)!, c.Caller.Actor, c.Cancel); }
        catch (CaseRecordInvalidException e)
        {
            c.Detail = $"{e.Errors.Count} error(s)";
            return Problems.Create(StatusCodes.Status400BadRequest, "案件数据有误", e.Message,
                new Dictionary<string, object?>
                {
                    ["errors"] = e.Errors.Select(x => new { path = x.Path, message = IdNumberMasking.MaskInText(x.Message) }).ToList(),
                });
        }
        if (saved.Unchanged) return TypedResults.Ok(new CaseRecordSaved(caseId, saved.Version, saved.DocumentNo) { Unchanged = true });
        c.Detail = $"version {saved.Version} → document {saved.DocumentNo}";
        return TypedResults.Created($"/api/cases/{caseId}/record/versions/{saved.Version}", new CaseRecordSaved(caseId, saved.Version, saved.DocumentNo));
    }

    /// <summary>
    /// A form printed from the newest saved version, with its dates, signers and the county's first month taken from the
    /// case's steps (Casework's <see cref="StageFormFields"/>), as a form printed at a step is: the 入户调查表 printed after
    /// the county's decision carries both units' signers. Data the log contradicts is refused (422), nothing filed.
    /// </summary>
    private static async Task<Results<Created<PrintedFromRecord>, ProblemHttpResult>> Print(
        string caseId, string formId, HttpContext http, FormPrinter printer, CaseContext c, CaseProcedure procedure)
    {
        c.Detail = $"form {formId}";
        if (c.Case.Sealed) throw new CaseSealedException(caseId);
        var form = printer.Catalog.Get(formId);
        var events = (await procedure.LogOfAsync(c.Case, c.Cancel)).Events;
        CaseRecordPrintSource source;
        try { source = await CaseRecordPrinting.SourceAsync(c.Archive, c.Case, form, data => StageFormFields.Fill(data, events), c.Cancel); }
        catch (NoCaseRecordException e) { return Problems.Create(StatusCodes.Status409Conflict, "尚未保存案件数据", e.Message); }
        catch (CaseRecordIncompleteException e)
        {
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "案件数据不全", e.Message,
                new Dictionary<string, object?>
                {
                    ["missing"] = e.Missing.Select(m => new { path = m.Path, label = m.Label }).ToList(), ["version"] = e.Version,
                });
        }
        return await GatedWork.RunAsync<Results<Created<PrintedFromRecord>, ProblemHttpResult>>(http, async () =>
        {
            var printed = await Task.Run(() => printer.Print(formId, source.Data.ToJsonString(), OutputFormat.Pdf), c.Cancel);
            var entry = await CaseRecordPrinting.FileAsync(c.Archive, c.Case, source, printed, c.Caller.Actor, c.Cancel);
            if (printed.Document.PageCount is { } pages) http.RequestServices.GetRequiredService<PdfPageCountCache>().Remember(entry.Sha256, pages);
            c.Detail += $" from version {source.Version} → document {entry.No}";
            return TypedResults.Created($"/api/cases/{caseId}/documents/{entry.No}",
                new PrintedFromRecord(caseId, entry.No, entry.Title, entry.FileName, source.Version, source.Document.No));
        });
    }
}
