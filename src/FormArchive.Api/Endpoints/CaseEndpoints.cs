using System.Security.Cryptography;
using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Api.Cases;
using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
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
            .AcceptsJson<CreateCaseRequest>(auditAction: "case.create")
            .WithName("CreateCase")
            .WithSummary("Open a case in the key's township")
            .WithDescription("The case id is issued by the server; the clerk's own number goes in fileNumber. The household is filed with the opening event.");
        cases.MapPost("/search", Search)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .AcceptsJson<SearchRequest>(auditAction: "case.search")
            .WithName("SearchCases")
            .WithSummary("Search the catalog (ID number, name, village, category, status, stage, dates in the JSON body)")
            .WithDescription("A clerk searches their own township only. ID numbers go in the body, never in a URL.");
        cases.MapGet("/{caseId}", Get)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .WithName("GetCase")
            .WithSummary("Case metadata with its 卷内目录");
        cases.MapGet("/{caseId}/documents/{no:int}", Document)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .WithName("GetDocument")
            .WithSummary("Download one document of a case");
        cases.MapGet("/{caseId}/checklist", Checklist)
            .RequireAuthorization(AccessPolicies.CaseReader)
            .WithName("GetChecklist")
            .WithSummary("Completeness checklist of a case");
    }

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> Get(string caseId, HttpContext http, PageCounts pages) =>
        CaseAccess.RunAsync(http, caseId, "case.read", async c =>
            TypedResults.Ok(CaseView.Of(c.Case, await pages.OfAsync(c.Archive, c.Case, c.Cancel), c.Archive.Fonds))).As<Ok<CaseView>, ProblemHttpResult>();

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(string caseId, int no, HttpContext http) =>
        CaseAccess.RunAsync(http, caseId, "document.read", async c =>
        {
            c.Detail = $"document {no}";
            if (c.Case.Documents.All(d => d.No != no))
                return Problems.Create(StatusCodes.Status404NotFound, "Document not found", $"case {caseId} has no document {no}");
            var (entry, bytes) = await c.Archive.GetDocumentAsync(caseId, no, c.Caller.Actor, c.Cancel);
            return TypedResults.File(bytes, entry.MediaType, entry.FileName);
        }).As<FileContentHttpResult, ProblemHttpResult>();

    private static Task<Results<Ok<ChecklistView>, ProblemHttpResult>> Checklist(string caseId, HttpContext http) =>
        CaseAccess.RunAsync(http, caseId, "case.checklist", async c =>
        {
            var items = await CaseData.ChecklistAsync(c.Archive, c.Case, c.Cancel);
            return TypedResults.Ok(new ChecklistView(caseId, items.All(i => i.Present), items));
        }).As<Ok<ChecklistView>, ProblemHttpResult>();

    private static async Task<Results<Created<CaseView>, ProblemHttpResult>> Create(HttpContext http, ArchiveHost host)
    {
        var caller = Caller.Required(http);
        var request = JsonBody.Of<CreateCaseRequest>(http);
        string? caseId = request.CaseId;
        var result = await Problems.GuardAsync(async () =>
        {
            if (Validate(request, caller) is { } invalid) return invalid;
            caseId = $"{ChinaTime.Today():yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
            var fileNumber = string.IsNullOrWhiteSpace(request!.FileNumber) ? null : request.FileNumber.Trim();
            // Unique within the caller's own township only: a conflict names a case the caller may see anyway.
            if (fileNumber is not null && await FileNumbers.ClaimAsync(host.Archive, caller.Key.Township!, fileNumber, caseId, http.RequestAborted) is { } holder)
                return Problems.Create(StatusCodes.Status409Conflict, "File number in use", $"file number {fileNumber} is already case {holder} of {caller.Key.Township}",
                    new Dictionary<string, object?> { ["caseId"] = holder });
            var a = request.Applicant!;
            var category = request.Categories.Count > 0 ? request.Categories[0].Trim() : "";
            var metadata = new CaseMetadata
            {
                CaseId = caseId,
                FileNumber = fileNumber,
                Title = string.IsNullOrWhiteSpace(request.Title) ? $"{a.Name.Trim()} {string.Join("、", request.Categories)}申请" : request.Title.Trim(),
                ApplicantName = a.Name.Trim(),
                IdNumber = a.IdNumber.Trim().ToUpperInvariant(),
                Township = caller.Key.Township!,
                Village = request.Village?.Trim() ?? "",
                Category = category,
                Status = request.Status?.Trim() is { Length: > 0 } s ? s : "受理",
                Agency = request.Agency?.Trim() ?? caller.Key.Township!,
                OpenedOn = request.OpenedOn ?? ChinaTime.Today(),
                // The unit's configured 保管期限 unless the clerk names one: recorded, so the sealed case keeps it.
                RetentionPeriod = request.RetentionPeriod?.Trim() is { Length: > 0 } r ? r
                    : host.Archive.Fonds.For(caller.Key.Township, request.Agency?.Trim() ?? caller.Key.Township).RetentionPeriod!,
            };
            // The household goes into the case as data, so scans can be matched and the checklist recomputed later;
            // it is filed with the opening event itself, so no case ever exists without it.
            var m = await host.Archive.OpenCaseAsync(metadata, caller.Actor, [new DocumentUpload
            {
                Title = "案件数据（申请信息与家庭成员）", ResponsibleParty = metadata.Agency, Date = metadata.OpenedOn,
                FileName = CaseData.CaseDataFileName, MediaType = "application/json",
                Content = ArchiveJson.Bytes(request with { CaseId = caseId, Township = metadata.Township }),
            }], http.RequestAborted);
            return TypedResults.Created($"/api/cases/{caseId}", CaseView.Of(m, fonds: host.Archive.Fonds));
        });
        CaseAccess.Audit(http, caller, "case.create", caseId, "", result);
        return result.As<Created<CaseView>, ProblemHttpResult>();
    }

    private static ProblemHttpResult? Validate(CreateCaseRequest r, Caller caller)
    {
        var errors = new List<(string Path, string Message)>();
        if (!string.IsNullOrWhiteSpace(r.CaseId)) errors.Add(("$.caseId", "case ids are issued by the server; give your own number as fileNumber"));
        if (r.FileNumber is not null && FileNumbers.Problem(r.FileNumber) is { } badNumber) errors.Add(("$.fileNumber", badNumber));
        if (r.Applicant is not null && PersonName.Problem(r.Applicant.Name) is { } badName) errors.Add(("$.applicant.name", badName));
        if (r.Applicant is null) errors.Add(("$.applicant", "the applicant (name and idNumber) is required"));
        if (r.Applicant is not null && !ChineseIdNumber.TryParse(r.Applicant.IdNumber, out _, out var why)) errors.Add(("$.applicant.idNumber", why));
        // JSON null for a list arrives as null, not as the empty default: refused by path, not a 500.
        if (r.Categories is null) errors.Add(("$.categories", "categories must be an array of assistance categories"));
        else if (r.Categories.Count == 0) errors.Add(("$.categories", "at least one assistance category is required"));
        else
            for (int i = 0; i < r.Categories.Count; i++)
                if (!AssistanceCategory.TryParse(r.Categories[i], out _))
                    errors.Add(($"$.categories[{i}]", $"unknown assistance category; one of {string.Join("、", AssistanceCategory.All.Select(c => c.Name))}"));
        if (r.Members is null) errors.Add(("$.members", "members must be an array (it may be empty)"));
        else
            for (int i = 0; i < r.Members.Count; i++)
            {
                if (r.Members[i] is null) { errors.Add(($"$.members[{i}]", "a member is an object with name and idNumber")); continue; }
                if (PersonName.Problem(r.Members[i].Name) is { } bad) errors.Add(($"$.members[{i}].name", bad));
                if (!ChineseIdNumber.TryParse(r.Members[i].IdNumber, out _, out var badId)) errors.Add(($"$.members[{i}].idNumber", badId));
            }
        if (!string.IsNullOrWhiteSpace(r.Township) && r.Township.Trim() != caller.Key.Township)
            return Problems.Create(StatusCodes.Status403Forbidden, "Other township", $"this key files cases of {caller.Key.Township} only");
        if (errors.Count == 0) return null;
        return Problems.Create(StatusCodes.Status400BadRequest, "Invalid case data", $"{errors.Count} problem(s); first: {errors[0].Path}: {errors[0].Message}",
            new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { path = e.Path, message = e.Message }).ToList() });
    }

    private static async Task<Results<Ok<IReadOnlyList<CatalogEntry>>, ProblemHttpResult>> Search(HttpContext http, ArchiveHost host)
    {
        var caller = Caller.Required(http);
        var q = JsonBody.Of<SearchRequest>(http);
        var result = await Problems.GuardAsync(() =>
        {
            // "Invalid" finds the cases whose stored steps do not replay.
            var invalid = string.Equals(q.CaseStage?.Trim(), CaseProcedure.InvalidStage, StringComparison.OrdinalIgnoreCase);
            var stage = invalid ? null : FormArchive.Casework.CaseStageLabels.Parse(q.CaseStage);
            if (!string.IsNullOrWhiteSpace(q.CaseStage) && stage is null && !invalid)
                return Task.FromResult<IResult>(Problems.BadRequest("办理阶段有误",
                    $"caseStage：未知的办理阶段“{(q.CaseStage.Length > 20 ? q.CaseStage[..20] + "…" : q.CaseStage)}”，应为 {string.Join("、", Enum.GetValues<FormArchive.Casework.CaseStage>().Select(s => $"{FormArchive.Casework.CaseStageLabels.Label(s)}({s})"))}。"));
            var found = host.Catalog.Search(new CatalogQuery
            {
                CaseStage = invalid ? CaseProcedure.InvalidStage : stage?.ToString(), DueBefore = q.DueBefore,
                IdNumber = q.IdNumber, ApplicantName = q.Name, FileNumber = q.FileNumber, Village = q.Village, Category = q.Category, Status = q.Status, Stage = q.Stage,
                // A clerk searches their own township only, whatever they ask for.
                Township = caller.Key.Role == Role.Clerk ? caller.Key.Township : q.Township,
                OpenedFrom = q.OpenedFrom, OpenedTo = q.OpenedTo, SealedFrom = q.SealedFrom, SealedTo = q.SealedTo, Limit = q.Limit,
            });
            if (caller.Key.Role == Role.Clerk) found = found.Where(e => e.Township == caller.Key.Township).ToList();
            return Task.FromResult<IResult>(TypedResults.Ok(found));
        });
        var criteria = string.Join(", ", new[]
        {
            q.IdNumber is { } id ? "idNumber=" + IdNumberMasking.Mask(id) : null, q.Name is { } n ? "name=" + n : null,
            q.Township is { } t ? "township=" + t : null, q.Village is { } v ? "village=" + v : null, q.Category is { } c ? "category=" + c : null,
            q.Status is { } s ? "status=" + s : null, q.CaseStage is { } cs ? "caseStage=" + cs : null,
            q.DueBefore is { } db ? $"dueBefore={db:yyyy-MM-dd}" : null,
        }.Where(x => x is not null));
        CaseAccess.Audit(http, caller, "case.search", null, criteria, result);
        return result.As<Ok<IReadOnlyList<CatalogEntry>>, ProblemHttpResult>();
    }
}
