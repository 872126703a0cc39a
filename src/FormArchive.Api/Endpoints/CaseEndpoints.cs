using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework.Checklist;
using FormArchive.Casework.EconomicVerification;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>/api/cases: open a case, read it with its 卷内目录, search the catalog, download a document, the checklist.</summary>
public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        cases.MapPost("", Create)
            .RequireAuthorization(AccessPolicies.Clerk)
            .Audited("case.create")
            .AcceptsJson<CaseApplication>()
            .WithName("CreateCase")
            .WithSummary("Open a case in the key's township")
            .WithDescription("The case id is issued by the server; the clerk's own number goes in fileNumber. The household is filed with the opening event.");
        cases.MapPost("/search", Search)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .Audited("case.search")
            .AcceptsJson<CatalogQuery>()
            .WithName("SearchCases")
            .WithSummary("Search the catalog (ID number, name, village, category, status, stage, dates in the JSON body)")
            .WithDescription("A clerk searches their own township only. ID numbers go in the body, never in a URL.");
        var one = app.MapCaseGroup().RequireAuthorization(AccessPolicies.CaseReader).AllowCountyDesk().WithTags("Cases");
        one.MapGet("", Get)
            .WithAuditAction("case.read")
            .WithName("GetCase")
            .WithSummary("Case metadata with its 卷内目录");
        one.MapGet("/documents/{no:int}", Document)
            .WithAuditAction("document.read")
            .WithName("GetDocument")
            .WithSummary("Download one document of a case");
        one.MapGet("/checklist", Checklist)
            .WithAuditAction("case.checklist")
            .WithName("GetChecklist")
            .WithSummary("Completeness checklist of a case");
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Get(CaseContext c, PdfPageCountCache pages)
    {
        var view = CaseView.Of(c.Case, await pages.OfAsync(c.Archive, c.Case, c.Cancel), c.Archive.Fonds);
        return TypedResults.Ok(view with { Verification = await VerificationResults.ViewAsync(c.Archive, c.Case, c.Cancel) });
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(int no, CaseContext c)
    {
        c.Detail = $"document {no}";
        if (c.Case.Documents.All(d => d.No != no))
            return Problems.Create(StatusCodes.Status404NotFound, "未找到文件", $"案件 {c.Case.CaseId} 没有件号为 {no} 的文件。");
        var (entry, bytes) = await c.Archive.GetDocumentAsync(c.Case.CaseId, no, c.Caller.Actor, c.Cancel);
        return TypedResults.File(bytes, entry.MediaType, entry.FileName);
    }

    private static async Task<Results<Ok<ChecklistView>, ProblemHttpResult>> Checklist(CaseContext c)
    {
        var items = await CaseChecklist.OfCaseAsync(c.Archive, c.Case, ChinaTime.Today(), c.Cancel);
        return TypedResults.Ok(new ChecklistView(c.Case.CaseId, items.All(i => i.Present), items));
    }

    private static async Task<Results<Created<CaseView>, ProblemHttpResult>> Create(HttpContext http, ArchiveHost host, RequestAudit audit)
    {
        var caller = Caller.Required(http);
        var request = JsonBody.Of<CaseApplication>(http);
        audit.CaseId = request.CaseId;
        if (!string.IsNullOrWhiteSpace(request.Township) && request.Township.Trim() != caller.Key.Township)
            return Problems.Create(StatusCodes.Status403Forbidden, "其他乡镇", $"此密钥只能为{caller.Key.Township}立案。");
        try
        {
            var m = await CaseOpening.OpenAsync(host.Archive, request, caller.Key.Township!, caller.Actor, http.RequestAborted);
            audit.CaseId = m.CaseId;
            return TypedResults.Created($"/api/cases/{m.CaseId}", CaseView.Of(m, fonds: host.Archive.Fonds));
        }
        catch (CaseApplicationException e)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "立案申请有误", e.Message,
                new Dictionary<string, object?>
                {
                    ["errors"] = e.Problems.Select(x => new { path = x.Path, message = IdNumberMasking.MaskInText(x.Message) }).ToList(),
                });
        }
        catch (FileNumberInUseException e)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "本单位案卷号已被使用", e.Message, new Dictionary<string, object?> { ["caseId"] = e.Holder });
        }
    }

    private static Results<Ok<IReadOnlyList<CatalogEntry>>, ProblemHttpResult> Search(HttpContext http, ArchiveHost host, RequestAudit audit)
    {
        var caller = Caller.Required(http);
        // The request binds the catalog's own query (POST, so that ID numbers never sit in a URL that logs keep).
        var q = JsonBody.Of<CatalogQuery>(http);
        audit.Detail = string.Join(", ", new[]
        {
            q.IdNumber is { } id ? "idNumber=" + IdNumberMasking.Mask(id) : null, q.ApplicantName is { } n ? "name=" + n : null,
            q.Township is { } t ? "township=" + t : null, q.Village is { } v ? "village=" + v : null, q.Category is { } c ? "category=" + c : null,
            q.Status is { } s ? "status=" + s : null, q.CaseStage is { } cs ? "caseStage=" + cs : null,
            q.DueBefore is { } db ? $"dueBefore={db:yyyy-MM-dd}" : null,
        }.Where(x => x is not null));
        // "Invalid" finds the cases whose stored steps do not replay.
        var invalid = string.Equals(q.CaseStage?.Trim(), CaseProcedure.InvalidStage, StringComparison.OrdinalIgnoreCase);
        var stage = invalid ? null : FormArchive.Casework.CaseStageLabels.Parse(q.CaseStage);
        if (!string.IsNullOrWhiteSpace(q.CaseStage) && stage is null && !invalid)
            return Problems.BadRequest("办理阶段有误",
                $"caseStage：未知的办理阶段“{(q.CaseStage.Length > 20 ? q.CaseStage[..20] + "…" : q.CaseStage)}”，应为 "
                + string.Join("、", Enum.GetValues<FormArchive.Casework.CaseStage>().Select(s => $"{FormArchive.Casework.CaseStageLabels.Label(s)}({s})"))
                + "。");
        var found = host.Catalog.Search(q with
        {
            CaseStage = invalid ? CaseProcedure.InvalidStage : stage?.ToString(),
            // A clerk searches their own township only, whatever they ask for.
            Township = caller.Key.Role == Role.Clerk ? caller.Key.Township : q.Township,
        });
        if (caller.Key.Role == Role.Clerk) found = found.Where(e => e.Township == caller.Key.Township).ToList();
        return TypedResults.Ok(found);
    }
}
