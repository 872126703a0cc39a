using FormArchive.Archive.Cases;
using FormArchive.Archive.Printing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Outline.Destinations;
using PigWriter = UglyToad.PdfPig.Writer;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// The printable dossier of a case: 案卷封面 (<see cref="CoverPage"/>), 卷内目录 (<see cref="DirectoryPages"/>), then the stored PDFs
/// themselves, page by page, with a bookmark per document, then — when the caller hands the case's recorded steps over —
/// the 案卷办理过程 (<see cref="CaseProcessPages"/>), and last the 卷内备考表 (<see cref="RecordNotePage"/>). The archive's own
/// pages are templates printed by the layout engine (<see cref="ArchivePrinter"/>); PdfPig's writer then copies every page —
/// those and the stored documents alike — into one file, so documents are never re-rendered. Non-PDF documents (scans)
/// are listed without pages.
/// </summary>
public static class DossierBuilder
{
    public static Task<byte[]> BuildAsync(CaseArchive archive, string caseId, string actor, CancellationToken ct = default) =>
        BuildAsync(archive, caseId, actor, null, null, ct);

    /// <param name="process">The case's recorded steps for the 案卷办理过程 page; null or empty: no such page.</param>
    /// <param name="printer">Prints the archive's pages; null: <see cref="ArchivePrinter.Default"/>.</param>
    public static async Task<byte[]> BuildAsync(CaseArchive archive, string caseId, string actor, IReadOnlyList<CaseProcessStep>? process,
        ArchivePrinter? printer = null, CancellationToken ct = default)
    {
        var m = await archive.GetManifestAsync(caseId, ct);
        return await BuildAsync(archive, m, await LaterVolumesAsync(archive, m, ct), actor, process, printer, ct);
    }

    /// <summary>
    /// The dossier of an already read manifest: a caller that took <paramref name="process"/> from the same read prints
    /// one state of the case (a step recorded meanwhile is in neither, not in one only).
    /// </summary>
    /// <param name="laterVolumes">The 补充卷 numbers filed after this volume, for the 卷内备考表.</param>
    public static async Task<byte[]> BuildAsync(CaseArchive archive, CaseManifest m, IReadOnlyList<int> laterVolumes, string actor,
        IReadOnlyList<CaseProcessStep>? process, ArchivePrinter? printer = null, CancellationToken ct = default)
    {
        printer ??= ArchivePrinter.Default;
        var caseId = m.CaseId;
        var docs = new List<(DocumentEntry Entry, byte[]? Pdf, int Pages)>();
        foreach (var d in m.Documents)
        {
            if (!d.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)) { docs.Add((d, null, 0)); continue; }
            var bytes = await archive.Store.GetAsync(Storage.StoreArea.Vault, d.Key, ct)
                        ?? throw new ArchiveCorruptException($"case {caseId}: object of document {d.No} is missing");
            if (ContentDigest.Sha256Hex(bytes) != d.Sha256) throw new ArchiveCorruptException($"case {caseId}: document {d.No} does not match its SHA-256");
            using var probe = PdfDocument.Open(bytes);
            docs.Add((d, bytes, probe.NumberOfPages));
        }

        var listed = docs.Select(d => (d.Entry, d.Pages)).ToList();
        var reference = ArchivalReference.Of(m, archive.Fonds);
        var cover = CoverPage.Print(printer, m, reference, docs.Count, docs.Sum(d => d.Pages));
        var directory = DirectoryPages.Print(printer, reference.ArchivalCode, listed);
        var steps = process is { Count: > 0 } ? CaseProcessPages.Print(printer, m.Metadata.Title, reference.ArchivalCode, process) : null;
        var note = RecordNotePage.Print(printer, m, listed, laterVolumes, steps?.PageCount ?? 0);

        using var output = new PigWriter.PdfDocumentBuilder();
        var open = new List<PdfDocument>();
        var bookmarks = new List<BookmarkNode>();
        int next = 1;
        void Append(string? mark, byte[] pdf)
        {
            var doc = PdfDocument.Open(pdf);
            open.Add(doc);
            if (mark is not null) bookmarks.Add(Mark(mark, next));
            for (int p = 1; p <= doc.NumberOfPages; p++) output.AddPage(doc, p);
            next += doc.NumberOfPages;
        }
        try
        {
            Append("案卷封面", cover.Pdf);
            Append("卷内目录", directory.Pdf);
            foreach (var (entry, pdf, _) in docs)
                if (pdf is not null) Append($"{entry.No}. {entry.Title}", pdf);
            if (steps is not null) Append("案卷办理过程", steps.Pdf);
            Append("卷内备考表", note.Pdf);
            output.Bookmarks = new Bookmarks(bookmarks);
            output.DocumentInformation.Title = $"{m.Metadata.Title} 案卷";
            output.DocumentInformation.Producer = "FormArchive";
            var result = output.Build();
            await archive.LogAccessAsync(caseId, "dossier", actor, ct);
            return result;
        }
        finally
        {
            foreach (var d in open) d.Dispose();
        }
    }

    /// <summary>The 补充卷 numbers filed after this volume (V2, V3 …), each counted only if its metadata links it here.</summary>
    private static async Task<IReadOnlyList<int>> LaterVolumesAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var root = m.Metadata.SupplementOf ?? m.CaseId;
        var later = new List<int>();
        for (int volume = Math.Max(1, m.Metadata.Volume) + 1; ; volume++)
        {
            CaseManifest next;
            try { next = await archive.GetManifestAsync(CaseKeys.VolumeId(root, volume), ct); }
            catch (CaseNotFoundException) { break; }
            if (next.Metadata.SupplementOf != root || next.Metadata.Volume != volume) break;
            later.Add(volume);
        }
        return later;
    }

    private static DocumentBookmarkNode Mark(string title, int page) =>
        new(title, 0, new ExplicitDestination(page, ExplicitDestinationType.FitPage, ExplicitDestinationCoordinates.Empty), []);
}
