using FormArchive.Archive.Cases;
using FormArchive.Archive.Printing;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// 卷内目录 (templates/archive/directory.scriban) in the columns of DA/T 22 (5.5.1): 件号, 责任者, 文号, 题名, 日期
/// (8 digits, as 19990909), 页数, 备注. 备注 says where the document's pages sit in this volume, or that a scan is
/// kept as its image. The template rules the grid, wraps the cells and repeats the title, 档号 and head row on every page.
/// </summary>
public static class DirectoryPages
{
    public static readonly string[] Heads = ["件号", "责任者", "文号", "题名", "日期", "页数", "备注"];

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

    /// <param name="archivalCode">The volume's 档号, printed under the title on every page of the directory.</param>
    public static PrintedPages Print(ArchivePrinter printer, string archivalCode, IReadOnlyList<(DocumentEntry Entry, int Pages)> docs) =>
        printer.Print("directory", new
        {
            ArchivalCode = archivalCode,
            Rows = Rows(docs)
                .Select(c => new { No = c[0], Responsible = c[1], DocNumber = c[2], Title = c[3], Date = c[4], Pages = c[5], Remark = c[6] })
                .ToList(),
        });
}
