using FormArchive.Archive.Cases;
using FormArchive.Archive.Fonds;
using FormArchive.Renderer.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Outline.Destinations;
using OurPdf = FormArchive.Renderer.Pdf;
using PigWriter = UglyToad.PdfPig.Writer;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// The printable dossier of a case: 案卷封面 (<see cref="CoverPage"/>), 卷内目录 (<see cref="DirectoryPages"/>), then the stored PDFs
/// themselves, page by page, with a bookmark per document, and last the 卷内备考表. The front matter is drawn with our PDF writer
/// (CJK fonts); PdfPig's writer then copies every page — front matter and stored documents alike —
/// into one file, so documents are never re-rendered. Non-PDF documents (scans) are listed without pages.
/// </summary>
public static class DossierBuilder
{
    public static async Task<byte[]> BuildAsync(CaseArchive archive, string caseId, string actor, CancellationToken ct = default)
    {
        var m = await archive.GetManifestAsync(caseId, ct);
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

        var front = FrontMatter(m, ArchivalReference.Of(m, archive.Fonds), docs.Select(d => (d.Entry, d.Pages)).ToList());
        var note = RecordNotePage.Build(m, docs.Select(d => (d.Entry, d.Pages)).ToList(), await LaterVolumesAsync(archive, m, ct));

        using var output = new PigWriter.PdfDocumentBuilder();
        var open = new List<PdfDocument>();
        try
        {
            var frontDoc = PdfDocument.Open(front);
            open.Add(frontDoc);
            for (int p = 1; p <= frontDoc.NumberOfPages; p++) output.AddPage(frontDoc, p);
            var bookmarks = new List<BookmarkNode> { Mark("案卷封面", 1), Mark("卷内目录", 2) };
            int next = frontDoc.NumberOfPages + 1;
            foreach (var (entry, pdf, pages) in docs)
            {
                if (pdf is null) continue;
                var doc = PdfDocument.Open(pdf);
                open.Add(doc);
                bookmarks.Add(Mark($"{entry.No}. {entry.Title}", next));
                for (int p = 1; p <= pages; p++) output.AddPage(doc, p);
                next += pages;
            }
            var noteDoc = PdfDocument.Open(note);
            open.Add(noteDoc);
            output.AddPage(noteDoc, 1);
            bookmarks.Add(Mark("卷内备考表", next));
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

    /// <summary>Cover and directory, with page ranges counted from the first document page (页号 1).</summary>
    private static byte[] FrontMatter(CaseManifest m, ArchivalReference reference, List<(DocumentEntry Entry, int Pages)> docs)
    {
        var b = new OurPdf.PdfDocumentBuilder(new OurPdf.PdfMetadata($"{m.Metadata.Title} 案卷封面与卷内目录"));
        CoverPage.Draw(b, m, reference, docs.Count, docs.Sum(d => d.Pages));
        DirectoryPages.Draw(b, docs);
        return b.ToArray();
    }
}
