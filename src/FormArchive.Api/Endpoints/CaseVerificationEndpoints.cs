using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Api.Settings;
using FormArchive.Casework.EconomicVerification;
using FormArchive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// POST /api/cases/{caseId}/verification-results: the county's 核对机构 (a verifier key of the case's county) files the
/// 家庭经济状况核对 result of a case — the report PDF and its data (Casework's <see cref="VerificationFiling"/>). The
/// PDF is screened as an uploaded scan is (<see cref="FileSniffer"/>); the case's view (GET /api/cases/{caseId}) shows
/// the current result labelled, and the checklist counts it.
/// </summary>
public static class CaseVerificationEndpoints
{
    public static void MapCaseVerificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCaseGroup().MapPost("/verification-results", Post)
            .RequireAuthorization(AccessPolicies.Verifier)
            .WithAuditAction("case.verification-result")
            .WithName("PostVerificationResult")
            .WithSummary("File a case's 家庭经济状况核对 result (核对机构 only): multipart, pdf = the report, data = its JSON")
            .WithDescription("The data's fields are listed in docs/verification-result.md (amounts in 元, dates yyyy-MM-dd, ID numbers checked). "
                + "201 with the result as filed and labelled; the same PDF and data posted again files nothing and answers 200 with the one filed. "
                + "A refused PDF is 422, invalid data 400 naming each field in Chinese; nothing is filed. A sealed case's result goes to its 补充卷.")
            .WithTags("Casework");
    }

    private static async Task<Results<Created<VerificationFiled>, Ok<VerificationFiled>, ProblemHttpResult>> Post(
        string caseId, HttpContext http, CaseContext c, ApiLimits limits)
    {
        var (upload, problem) = await VerificationUpload.ReadAsync(http.Request, limits.MaxUploadBytes, c.Cancel);
        if (problem is not null) return problem;
        c.Detail = $"report {upload!.FileName} ({upload.Pdf.Length} bytes)";
        // A lying file (not a PDF, or a PDF and something else), active content, an image beyond the pixel budget: never filed.
        var refusal = FileSniffer.Screen(upload.Pdf, limits.Decode)
            ?? (FileSniffer.TypeOf(upload.Pdf) == FileSniffer.Kind.Pdf ? null : "不是 PDF 文件（文件不以 %PDF- 开头）");
        if (refusal is not null)
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "核对报告被拒收", $"{IdNumberMasking.MaskInText(upload.FileName)}：{refusal}；未归档。");

        var filed = await VerificationFiling.FileAsync(c.Archive, c.Case,
            new VerificationToFile(c.Caller.Key.Name, upload.FileName, upload.Pdf, upload.Data), c.Caller.Actor, c.Cancel);
        c.Detail += filed.AlreadyFiled
            ? $", already filed as {filed.Volume} document {filed.Data.No}"
            : $" → {filed.Volume} documents {filed.Report?.No}, {filed.Data.No}";
        var view = new VerificationFiled(caseId, filed.Volume, filed.AlreadyFiled, await VerificationResults.DescribeAsync(c.Archive, filed, c.Cancel));
        return filed.AlreadyFiled
            ? TypedResults.Ok(view)
            : TypedResults.Created($"/api/cases/{filed.Volume}/documents/{filed.Report?.No ?? filed.Data.No}", view);
    }
}
