using FormArchive.Archive.Cases;
using FormArchive.Renderer.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Outline.Destinations;
using OurPdf = FormArchive.Renderer.Pdf;
using PigWriter = UglyToad.PdfPig.Writer;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// The printable dossier of a case: 案卷封面, 卷内目录 (件号, 题名, 责任者, 日期, 页号), then the stored PDFs
/// themselves, page by page, with a bookmark per document, and last the 卷内备考表. The front matter is drawn with our PDF writer
/// (CJK fonts); PdfPig's writer then copies every page — front matter and stored documents alike —
/// into one file, so documents are never re-rendered. Non-PDF documents (scans) are listed without pages.
/// </summary>
public static class DossierBuilder
{
    private const int RowsPerDirectoryPage = 24;

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

        int directoryPages = Math.Max(1, (docs.Count + RowsPerDirectoryPage - 1) / RowsPerDirectoryPage);
        var front = FrontMatter(m, docs.Select(d => (d.Entry, d.Pages)).ToList(), directoryPages);
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
    private static byte[] FrontMatter(CaseManifest m, List<(DocumentEntry Entry, int Pages)> docs, int directoryPages)
    {
        var meta = m.Metadata;
        var b = new OurPdf.PdfDocumentBuilder(new OurPdf.PdfMetadata($"{meta.Title} 案卷封面与卷内目录"));
        var cover = b.AddPage(PdfText.PageWidth, PdfText.PageHeight);
        PdfText.Centered(cover, "案 卷 封 面", 150, 28, bold: true);
        PdfText.Centered(cover, meta.Title, 260, 18);
        float y = 380;
        var period = (meta.OpenedOn, m.Documents.Select(d => d.Date).Where(d => d is not null).Max()) switch
        {
            ({ } a, { } z) => $"{a:yyyy年M月d日} 至 {z:yyyy年M月d日}",
            ({ } a, null) => $"{a:yyyy年M月d日}",
            _ => "",
        };
        foreach (var (label, value) in new[]
                 {
                     ("立卷单位", meta.Agency), ("案 卷 号", m.CaseId + (meta.Volume > 1 ? $"（补充卷 第{meta.Volume}卷，原卷 {meta.SupplementOf}）" : "")),
                     ("起止日期", period), ("保管期限", meta.RetentionPeriod), ("件    数", $"{docs.Count} 件"),
                     ("封存状态", m.Sealed ? $"已封存 {RecordNotePage.ChineseDate(m.SealedAt!.Value)}，立卷人 {ActorName.PersonOf(m.SealedBy)}" : "未封存"),
                 })
        {
            cover.DrawText(label + "：", 130, y, FontFamilyKind.Serif, true, 14);
            cover.DrawText(value, 230, y, FontFamilyKind.Serif, false, 14);
            cover.DrawLine(228, y + 6, 480, y + 6, 0.5f);
            y += 40;
        }

        // DA/T 22 归档文件目录 columns. 文号 stays empty: documents carry no 发文字号 yet. 备注 says where a
        // document's pages sit in this volume, or that a scan is kept as its image.
        float[] cols = [PdfText.Margin, 88, 168, 228, 388, 448, 480, PdfText.PageWidth - PdfText.Margin];
        string[] heads = ["件号", "责任者", "文号", "题名", "日期", "页数", "备注"];
        int page1 = 1, row = 0;
        float rowY = 0;
        Renderer.Pdf.PdfPageCanvas NewDirectoryPage()
        {
            var p = b.AddPage(PdfText.PageWidth, PdfText.PageHeight);
            PdfText.Centered(p, "卷 内 目 录", 70, 20, bold: true);
            Row(p, cols, 100, heads, bold: true);
            rowY = 126;
            row = 0;
            return p;
        }
        var page = NewDirectoryPage();
        foreach (var (e, pages) in docs)
        {
            if (row == RowsPerDirectoryPage) page = NewDirectoryPage();
            var range = pages == 0 ? "—" : pages == 1 ? $"{page1}" : $"{page1}–{page1 + pages - 1}";
            page1 += pages;
            Row(page, cols, rowY, [e.No.ToString(), Fit(e.ResponsibleParty, 10, cols[2] - cols[1] - 8), "", Fit(e.Title, 10, cols[4] - cols[3] - 8),
                e.Date is { } d ? d.ToString("yyyyMMdd") : "", pages == 0 ? "—" : pages.ToString(), pages == 0 ? "扫描图像" : $"第{range}页"], bold: false);
            rowY += 26;
            row++;
        }
        return b.ToArray();
    }

    private static void Row(Renderer.Pdf.PdfPageCanvas page, float[] cols, float y, string[] cells, bool bold)
    {
        for (int c = 0; c < cells.Length; c++)
            page.DrawText(cells[c], cols[c] + 4, y, bold ? FontFamilyKind.Sans : FontFamilyKind.Serif, bold, 10);
        page.DrawLine(cols[0], y + 8, cols[^1], y + 8, 0.5f);
    }

    private static string Fit(string text, float size, float max) =>
        PdfText.Width(text, size) <= max ? text : PdfText.Wrap(text, size, max - size).First() + "…";
}
