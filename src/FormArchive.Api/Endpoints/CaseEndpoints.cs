using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Api.Cases;
using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework.Checklist;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Api.Endpoints;

/// <summary>/api/cases: open a case, read it with its 卷内目录, search the catalog, download a document, the checklist.</summary>
public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases");
        cases.MapPost("", Create).RequireRoles(Role.Clerk);
        cases.MapPost("/search", Search).RequireRoles(Role.Clerk, Role.Archivist);
        cases.MapGet("/{caseId}", (string caseId, HttpContext http) => CaseAccess.RunAsync(http, caseId, "case.read", async c =>
            Results.Ok(CaseView.Of(c.Case, await http.RequestServices.GetRequiredService<PageCounts>().OfAsync(c.Archive, c.Case, c.Cancel), c.Archive.Fonds))))
            .RequireRoles(Role.Clerk, Role.Archivist);
        cases.MapGet("/{caseId}/documents/{no:int}", (string caseId, int no, HttpContext http) => CaseAccess.RunAsync(http, caseId, "document.read", async c =>
        {
            c.Detail = $"document {no}";
            if (c.Case.Documents.All(d => d.No != no))
                return Problems.Create(StatusCodes.Status404NotFound, "Document not found", $"case {caseId} has no document {no}");
            var (entry, bytes) = await c.Archive.GetDocumentAsync(caseId, no, c.Caller.Actor, c.Cancel);
            return Results.File(bytes, entry.MediaType, entry.FileName);
        })).RequireRoles(Role.Clerk, Role.Archivist);
        cases.MapGet("/{caseId}/checklist", (string caseId, HttpContext http) => CaseAccess.RunAsync(http, caseId, "case.checklist", async c =>
        {
            var items = await CaseChecklist.OfCaseAsync(c.Archive, c.Case, ChinaTime.Today(), c.Cancel);
            return Results.Ok(new { caseId, complete = items.All(i => i.Present), items });
        })).RequireRoles(Role.Clerk, Role.Archivist);
    }

    private static async Task<IResult> Create(HttpContext http, ArchiveHost host)
    {
        var caller = Caller.Required(http);
        var (request, problem) = await JsonBody.ReadAsync<CaseApplication>(http.Request, http.RequestAborted);
        string? caseId = request?.CaseId;
        var result = problem ?? await Problems.GuardAsync(async () =>
        {
            if (!string.IsNullOrWhiteSpace(request!.Township) && request.Township.Trim() != caller.Key.Township)
                return Problems.Create(StatusCodes.Status403Forbidden, "Other township", $"this key files cases of {caller.Key.Township} only");
            try
            {
                var m = await CaseOpening.OpenAsync(host.Archive, request, caller.Key.Township!, caller.Actor, http.RequestAborted);
                caseId = m.CaseId;
                return Results.Created($"/api/cases/{caseId}", CaseView.Of(m, fonds: host.Archive.Fonds));
            }
            catch (CaseApplicationException e)
            {
                return Problems.Create(StatusCodes.Status400BadRequest, "Invalid case data", e.Message,
                    new Dictionary<string, object?> { ["errors"] = e.Problems.Select(x => new { path = x.Path, message = x.Message }).ToList() });
            }
            catch (FileNumberInUseException e)
            {
                return Problems.Create(StatusCodes.Status409Conflict, "File number in use", e.Message, new Dictionary<string, object?> { ["caseId"] = e.Holder });
            }
        });
        CaseAccess.Audit(http, caller, "case.create", caseId, "", result);
        return result;
    }

    private static async Task<IResult> Search(HttpContext http, ArchiveHost host)
    {
        var caller = Caller.Required(http);
        var (q, problem) = await JsonBody.ReadAsync<SearchRequest>(http.Request, http.RequestAborted);
        var result = problem ?? await Problems.GuardAsync(() =>
        {
            // "Invalid" finds the cases whose stored steps do not replay.
            var invalid = string.Equals(q!.CaseStage?.Trim(), CaseProcedure.InvalidStage, StringComparison.OrdinalIgnoreCase);
            var stage = invalid ? null : FormArchive.Casework.CaseStageLabels.Parse(q.CaseStage);
            if (!string.IsNullOrWhiteSpace(q.CaseStage) && stage is null && !invalid)
                return Task.FromResult(Problems.BadRequest("办理阶段有误",
                    $"caseStage：未知的办理阶段“{(q.CaseStage.Length > 20 ? q.CaseStage[..20] + "…" : q.CaseStage)}”，应为 {string.Join("、", Enum.GetValues<FormArchive.Casework.CaseStage>().Select(s => $"{FormArchive.Casework.CaseStageLabels.Label(s)}({s})"))}。"));
            var found = host.Catalog.Search(new CatalogQuery
            {
                CaseStage = invalid ? CaseProcedure.InvalidStage : stage?.ToString(), DueBefore = q.DueBefore,
                IdNumber = q!.IdNumber, ApplicantName = q.Name, FileNumber = q.FileNumber, Village = q.Village, Category = q.Category, Status = q.Status, Stage = q.Stage,
                // A clerk searches their own township only, whatever they ask for.
                Township = caller.Key.Role == Role.Clerk ? caller.Key.Township : q.Township,
                OpenedFrom = q.OpenedFrom, OpenedTo = q.OpenedTo, SealedFrom = q.SealedFrom, SealedTo = q.SealedTo, Limit = q.Limit,
            });
            if (caller.Key.Role == Role.Clerk) found = found.Where(e => e.Township == caller.Key.Township).ToList();
            return Task.FromResult(Results.Ok(found));
        });
        var criteria = q is null ? "" : string.Join(", ", new[]
        {
            q.IdNumber is { } id ? "idNumber=" + IdNumberMasking.Mask(id) : null, q.Name is { } n ? "name=" + n : null,
            q.Township is { } t ? "township=" + t : null, q.Village is { } v ? "village=" + v : null, q.Category is { } c ? "category=" + c : null,
            q.Status is { } s ? "status=" + s : null, q.CaseStage is { } cs ? "caseStage=" + cs : null,
            q.DueBefore is { } db ? $"dueBefore={db:yyyy-MM-dd}" : null,
        }.Where(x => x is not null));
        CaseAccess.Audit(http, caller, "case.search", null, criteria, result);
        return result;
    }
}
