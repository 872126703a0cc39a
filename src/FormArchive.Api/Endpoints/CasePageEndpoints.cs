using FormArchive.Api.Work;
using FormArchive.Archive.Storage;
using FormArchive.Api.Access;
using FormArchive.Api.Cases;
using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Corrections;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Volumes;
using FormArchive.Domain;
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
        var cases = app.MapGroup("/api/cases/{caseId}");
        cases.MapGet("/documents/{no:int}/pages/{page:int}/thumbnail", Thumbnail).RequireRoles(Role.Clerk, Role.Archivist);
        cases.MapGet("/pages", Pages).RequireRoles(Role.Clerk, Role.Archivist);
        cases.MapPost("/pages/corrections", Correct).RequireRoles(Role.Clerk);
        cases.MapPost("/supplement-volume", OpenSupplementVolume).RequireRoles(Role.Clerk);
    }

    private static Task<IResult> Thumbnail(string caseId, int no, int page, int? width, HttpContext http) =>
        CaseAccess.RunAsync(http, caseId, "document.thumbnail", async c =>
        {
            c.Detail = $"document {no} page {page}";
            var entry = c.Case.Documents.FirstOrDefault(d => d.No == no);
            if (entry is null) return Problems.Create(StatusCodes.Status404NotFound, "Document not found", $"case {caseId} has no document {no}");
            if (!entry.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
                return Problems.Create(StatusCodes.Status422UnprocessableEntity, "Not a PDF", $"document {no} is {entry.MediaType}; thumbnails are of PDF pages (a scan's searchable PDF)");
            var size = PageThumbnails.ClampWidth(width);
            // Made once, then served from the store: a derived object beside the case's objects (never part of its record).
            var cached = CaseKeys.Thumbnail(caseId, entry.Sha256, page, size);
            if (await c.Archive.Store.GetAsync(StoreArea.Vault, cached, c.Cancel) is { } hit) return Results.File(hit, "image/jpeg");
            var limits = http.RequestServices.GetRequiredService<ApiLimits>().Decode;
            return await GatedWork.RunAsync(http, async () =>
            {
                var (_, bytes) = await c.Archive.GetDocumentAsync(caseId, no, c.Caller.Actor, c.Cancel);
                byte[]? jpeg;
                try
                {
                    using var pdf = PdfDocument.Open(bytes);
                    if (page < 1 || page > pdf.NumberOfPages)
                        return Problems.Create(StatusCodes.Status404NotFound, "Page not found", $"document {no} has pages 1–{pdf.NumberOfPages}, not {page}");
                    jpeg = PageThumbnails.Render(pdf, page, size, limits);
                }
                catch (PdfDocumentFormatException e)
                {
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "Unreadable PDF", $"document {no}: {e.Message}");
                }
                catch (DecodeLimitException e)
                {
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "Image too large to preview", $"document {no}: {e.Message}");
                }
                if (jpeg is null)
                    return Problems.Create(StatusCodes.Status422UnprocessableEntity, "No image on the page", $"page {page} of document {no} has no image to preview");
                await c.Archive.Store.TryCreateAsync(StoreArea.Vault, cached, jpeg, CancellationToken.None);
                return Results.File(jpeg, "image/jpeg");
            });
        });

    private static Task<IResult> Pages(string caseId, HttpContext http) =>
        CaseAccess.RunAsync(http, caseId, "case.pages", async c =>
        {
            var members = await CaseHousehold.ReadAsync(c.Archive, c.Case, c.Cancel);
            var pages = await ScannedPages.ReadAsync(c.Archive, c.Case, members, c.Cancel);
            c.Detail = $"{pages.Count} page(s)";
            return Results.Ok(new
            {
                caseId, c.Case.Sealed,
                members = members.Select(m => new { m.Name, idNumberMasked = IdNumberMasking.Mask(m.IdNumber) }),
                pages = pages.Select(ScannedPageView.Of),
            });
        });

    private static Task<IResult> Correct(string caseId, HttpContext http) =>
        CaseAccess.RunAsync(http, caseId, "page.correct", async c =>
        {
            if (c.Case.Sealed) throw new CaseSealedException(caseId);
            var (request, invalid) = await JsonBody.ReadAsync<PageCorrectionRequest>(http.Request, c.Cancel);
            if (invalid is not null) return invalid;
            FiledCorrection filed;
            try
            {
                filed = await PageCorrections.FileAsync(c.Archive, c.Case, request!, c.Caller.Actor, c.Cancel);
            }
            catch (CorrectionRefusedException e)
            {
                return Problems.Create(e.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, e.NotFound ? "Not found" : "Invalid correction", e.Message,
                    new Dictionary<string, object?> { ["errors"] = new[] { new { path = e.Path, message = e.Reason } } });
            }
            var correction = filed.Correction;
            // The audit line says what changed, never whose page it is.
            c.Detail = $"document {correction.IngestResult} page {correction.Page}"
                       + (correction.Type is { } t ? $": type {correction.PreviousType} → {t}" : "")
                       + (correction.Member is not null ? "; member corrected" : "")
                       + $" → document {filed.Entry.No}";
            return Results.Created($"/api/cases/{caseId}/documents/{filed.Entry.No}", new { correction = filed.Entry, page = ScannedPageView.Of(filed.Page) });
        });

    private static Task<IResult> OpenSupplementVolume(string caseId, HttpContext http) =>
        CaseAccess.RunAsync(http, caseId, "case.supplement-volume", async c =>
        {
            if (!c.Case.Sealed)
                return Problems.Create(StatusCodes.Status409Conflict, "Case is open", $"case {caseId} is still open; add to it directly");
            // One open volume at a time: a second would split what belongs together (and catches a double click).
            if (await SupplementVolumes.OpenVolumeAsync(c.Archive, c.Case, c.Cancel) is { } open)
                return Problems.Create(StatusCodes.Status409Conflict, "Supplement volume open", $"volume {open.CaseId} is still open; add to it",
                    new Dictionary<string, object?> { ["openVolume"] = open.CaseId });
            var volume = await SupplementVolumes.OpenAsync(c.Archive, c.Case, c.Caller.Actor, c.Cancel, joinOpen: true); // a racing second request gets the same volume
            c.Detail = $"opened {volume.CaseId}";
            return Results.Created($"/api/cases/{volume.CaseId}", CaseView.Of(volume, fonds: c.Archive.Fonds));
        });
}
