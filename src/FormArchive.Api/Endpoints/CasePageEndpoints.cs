using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Api.Settings;
using FormArchive.Api.Work;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Corrections;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Pages;
using FormArchive.Casework.Volumes;
using FormArchive.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace FormArchive.Api.Endpoints;

/// <summary>
/// The clerk's review of scanned pages: the deskewed thumbnail of a page, every page with its effective type
/// and members, corrections filed as new documents; and the 补充卷 that takes what comes after sealing.
/// </summary>
public static class CasePageEndpoints
{
    public static void MapCasePageEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapCaseGroup().WithTags("Scanned pages");
        cases.MapGet("/documents/{no:int}/pages/{page:int}/thumbnail", Thumbnail)
            .WithAuditAction("document.thumbnail")
            .RequireAuthorization(AccessPolicies.CaseReader)
            .AllowCountyDesk()
            .WithName("GetPageThumbnail")
            .WithSummary("JPEG thumbnail of a PDF page (a scan's deskewed archival image); width=64–1200, default 320");
        cases.MapGet("/pages", Pages)
            .WithAuditAction("case.pages")
            .RequireAuthorization(AccessPolicies.CaseReader)
            .AllowCountyDesk()
            .WithName("ListScannedPages")
            .WithSummary("Every scanned page: filed documents, effective type, masked ID numbers with matched members, corrections, warnings");
        cases.MapPost("/pages/corrections", Correct)
            .RequireAuthorization(AccessPolicies.Clerk)
            .WithAuditAction("page.correct")
            .AcceptsJson<PageCorrectionRequest>()
            .WithName("CorrectPage")
            .WithSummary("Correct a scanned page's type or matched member (JSON body); filed as a new 识别结果更正 document");
        cases.MapPost("/supplement-volume", OpenSupplementVolume)
            .WithAuditAction("case.supplement-volume")
            .RequireAuthorization(AccessPolicies.Clerk)
            .WithName("OpenSupplementVolume")
            .WithSummary("Open the next 补充卷 of a sealed case, with the case data copied in");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Thumbnail(
        string caseId, int no, int page, int? width, HttpContext http, CaseContext c)
    {
        c.Detail = $"document {no} page {page}";
        var entry = c.Case.Documents.FirstOrDefault(d => d.No == no);
        if (entry is null) return Problems.Create(StatusCodes.Status404NotFound, "未找到文件", $"案件 {caseId} 没有件号为 {no} 的文件。");
        if (!entry.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
            return Problems.Create(StatusCodes.Status422UnprocessableEntity, "不是 PDF 文件", $"第 {no} 件是 {entry.MediaType}；只有 PDF（如扫描件的可检索 PDF）的页面才有缩略图。");
        var size = PageThumbnails.ClampWidth(width);
        if (await PageThumbnailCache.ReadAsync(c.Archive, caseId, entry, page, size, c.Cancel) is { } hit) return TypedResults.File(hit, "image/jpeg");
        var limits = http.RequestServices.GetRequiredService<ApiLimits>().Decode;
        return await GatedWork.RunAsync<Results<FileContentHttpResult, ProblemHttpResult>>(http, async () =>
        {
            var (_, bytes) = await c.Archive.GetDocumentAsync(caseId, no, c.Caller.Actor, c.Cancel);
            byte[]? jpeg;
            try
            {
                using var pdf = PdfDocument.Open(bytes);
                if (page < 1 || page > pdf.NumberOfPages)
                    return Problems.Create(StatusCodes.Status404NotFound, "未找到页面", $"第 {no} 件共 {pdf.NumberOfPages} 页，没有第 {page} 页。");
                jpeg = PageThumbnails.Render(pdf, page, size, limits);
            }
            catch (PdfDocumentFormatException)
            {
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, "PDF 无法读取", $"第 {no} 件的 PDF 已损坏或格式不对，无法生成缩略图。");
            }
            catch (DecodeLimitException e)
            {
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, "图像过大，无法预览", $"第 {no} 件：{e.Message}");
            }
            if (jpeg is null)
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, "页面上没有图像", $"第 {no} 件第 {page} 页上没有可预览的图像。");
            await PageThumbnailCache.KeepAsync(c.Archive, caseId, entry, page, size, jpeg);
            return TypedResults.File(jpeg, "image/jpeg");
        });
    }

    private static async Task<Results<Ok<ScannedPagesView>, ProblemHttpResult>> Pages(string caseId, HttpContext http, CaseContext c)
    {
        var members = await CaseHousehold.ReadAsync(c.Archive, c.Case, c.Cancel);
        var pages = await ScannedPages.ReadAsync(c.Archive, c.Case, members, c.Cancel);
        c.Detail = $"{pages.Count} page(s)";
        return TypedResults.Ok(new ScannedPagesView(caseId, c.Case.Sealed,
            [.. members.Select(m => new MaskedMember(m.Name, IdNumberMasking.Mask(m.IdNumber)))], [.. pages.Select(ScannedPageView.Of)]));
    }

    private static async Task<Results<Created<PageCorrected>, ProblemHttpResult>> Correct(string caseId, HttpContext http, CaseContext c)
    {
        if (c.Case.Sealed) throw new CaseSealedException(caseId);
        var request = JsonBody.Of<PageCorrectionRequest>(http);
        FiledCorrection filed;
        try
        {
            filed = await PageCorrections.FileAsync(c.Archive, c.Case, request, c.Caller.Actor, c.Cancel);
        }
        catch (CorrectionRefusedException e)
        {
            return Problems.Create(e.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
                e.NotFound ? "未找到要更正的内容" : "更正有误", $"{e.Path}：{e.Reason}",
                new Dictionary<string, object?> { ["errors"] = new[] { new { path = e.Path, message = IdNumberMasking.MaskInText(e.Reason) } } });
        }
        var correction = filed.Correction;
        // The audit line says what changed, never whose page it is.
        c.Detail = $"document {correction.IngestResult} page {correction.Page}"
                   + (correction.Type is { } t ? $": type {correction.PreviousType} → {t}" : "")
                   + (correction.Member is not null ? "; member corrected" : "")
                   + $" → document {filed.Entry.No}";
        return TypedResults.Created($"/api/cases/{caseId}/documents/{filed.Entry.No}", new PageCorrected(filed.Entry, ScannedPageView.Of(filed.Page)));
    }

    private static async Task<Results<Created<CaseView>, ProblemHttpResult>> OpenSupplementVolume(string caseId, HttpContext http, CaseContext c)
    {
        if (!c.Case.Sealed)
            return Problems.Create(StatusCodes.Status409Conflict, "案件尚未封存", $"案件 {caseId} 尚未封存，请直接在本案中补充。");
        // One open volume at a time: a second would split what belongs together (and catches a double click).
        if (await SupplementVolumes.OpenVolumeAsync(c.Archive, c.Case, c.Cancel) is { } open)
            return Problems.Create(StatusCodes.Status409Conflict, "已有未封存的补充卷", $"补充卷 {open.CaseId} 尚未封存，请在其中补充。",
                new Dictionary<string, object?> { ["openVolume"] = open.CaseId });
        // A racing second request gets the same volume.
        var volume = await SupplementVolumes.OpenAsync(c.Archive, c.Case, c.Caller.Actor, c.Cancel, joinOpen: true);
        c.Detail = $"opened {volume.CaseId}";
        return TypedResults.Created($"/api/cases/{volume.CaseId}", CaseView.Of(volume, fonds: c.Archive.Fonds));
    }
}
