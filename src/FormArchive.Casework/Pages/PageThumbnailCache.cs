using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;

namespace FormArchive.Casework.Pages;

/// <summary>
/// A page's thumbnail, made once and then served from the store: a derived object beside the case's objects
/// (never part of its record), keyed by the PDF's SHA-256, the page and the width.
/// </summary>
public static class PageThumbnailCache
{
    public static Task<byte[]?> ReadAsync(CaseArchive archive, string caseId, DocumentEntry pdf, int page, int width, CancellationToken ct) =>
        archive.Store.GetAsync(StoreArea.Vault, CaseKeys.Thumbnail(caseId, pdf.Sha256, page, width), ct);

    /// <summary>Kept even when the request is gone: it is made, and the next one is served from it.</summary>
    public static Task KeepAsync(CaseArchive archive, string caseId, DocumentEntry pdf, int page, int width, byte[] jpeg) =>
        archive.Store.TryCreateAsync(StoreArea.Vault, CaseKeys.Thumbnail(caseId, pdf.Sha256, page, width), jpeg, CancellationToken.None);
}
