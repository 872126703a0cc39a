using FormArchive.Archive.Cases;
using FormArchive.Renderer.Model;
using OurPdf = FormArchive.Renderer.Pdf;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// 卷内目录 in the columns of DA/T 22 (5.5.1): 件号, 责任者, 文号, 题名, 日期 (8 digits, as 19990909), 页数, 备注.
/// A ruled grid; every cell wraps within its column (nothing is cut short), a row is as tall as its tallest
/// cell, and rows run onto further pages under a repeated head. 备注 says where the document's pages sit in
/// this volume, or that a scan is kept as its image.
/// </summary>
public static class DirectoryPages
{
    private const float Size = 10, LineH = 14, PadTop = 15, PadBottom = 8, Top = 92, Bottom = PdfText.PageHeight - 60;
    public static readonly string[] Heads = ["件号", "责任者", "文号", "题名", "日期", "页数", "备注"];
    private static readonly float[] Widths = [28, 80, 94, 139, 54, 28, 60];

    /// <summary>The cells of each row, in <see cref="Heads"/> order.</summary>
    public static IReadOnlyList<string[]> Rows(IReadOnlyList<(DocumentEntry Entry, int Pages)> docs)
    {
        var rows = new List<string[]>();
        int page1 = 1;
        foreach (var (e, pages) in docs)
        {
            var range = pages == 1 ? $"{page1}" : $"{page1}–{page1 + pages - 1}";
            page1 += pages;
            rows.Add([e.No.ToString(), e.ResponsibleParty, e.DocNumber ?? "", e.Title, e.Date is { } d ? d.ToString("yyyyMMdd") : "",
                pages == 0 ? "—" : pages.ToString(), pages == 0 ? "扫描图像" : $"第{range}页"]);
        }
        return rows;
    }

    /// <summary>Draws the directory; returns how many pages it took.</summary>
    public static int Draw(OurPdf.PdfDocumentBuilder b, IReadOnlyList<(DocumentEntry Entry, int Pages)> docs)
    {
        var xs = new float[Widths.Length + 1];
        xs[0] = PdfText.Margin;
        for (int i = 0; i < Widths.Length; i++) xs[i + 1] = xs[i] + Widths[i];
        int count = 0;
        float y = 0;
        OurPdf.PdfPageCanvas page = null!;
        void NewPage()
        {
            page = b.AddPage(PdfText.PageWidth, PdfText.PageHeight);
            count++;
            PdfText.Centered(page, "卷 内 目 录", 70, 20, bold: true);
            y = Row(page, xs, Top, Heads.Select(h => new List<string> { h }).ToList(), head: true);
        }
        NewPage();
        foreach (var cells in Rows(docs))
        {
            var wrapped = cells.Select((c, i) => PdfText.Wrap(c, Size, Widths[i] - 8).ToList()).ToList();
            float h = Height(wrapped);
            if (y + h > Bottom) NewPage();
            y = Row(page, xs, y, wrapped, head: false);
        }
        return count;
    }

    private static float Height(List<List<string>> cells) => PadTop + (cells.Max(c => c.Count) - 1) * LineH + PadBottom;

    /// <summary>One ruled row from <paramref name="top"/>; returns its bottom.</summary>
    private static float Row(OurPdf.PdfPageCanvas page, float[] xs, float top, List<List<string>> cells, bool head)
    {
        float bottom = top + Height(cells) + (head ? 4 : 0);
        for (int c = 0; c < cells.Count; c++)
            for (int l = 0; l < cells[c].Count; l++)
            {
                var text = cells[c][l];
                // Heads, numbers and dates centred; 责任者, 题名 and 备注 from the left as written.
                bool centred = head || c is 0 or 4 or 5;
                var family = head ? FontFamilyKind.Sans : FontFamilyKind.Serif;
                float x = centred ? xs[c] + (xs[c + 1] - xs[c] - PdfText.Width(text, Size, family, head)) / 2 : xs[c] + 4;
                page.DrawText(text, x, top + PadTop + (head ? 2 : 0) + l * LineH, family, head, Size);
            }
        page.DrawLine(xs[0], top, xs[^1], top, head ? 0.8f : 0.5f);
        page.DrawLine(xs[0], bottom, xs[^1], bottom, head ? 0.8f : 0.5f);
        foreach (var x in xs) page.DrawLine(x, top, x, bottom, x == xs[0] || x == xs[^1] ? 0.8f : 0.5f);
        return bottom;
    }
}
