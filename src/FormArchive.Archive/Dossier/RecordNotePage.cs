using System.Globalization;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Printing;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// 卷内备考表 (templates/archive/record-note.scriban), the last page of a 案卷: 本卷情况说明 (generated from what the
/// volume holds), then 立卷人 (who sealed), 检查人 (left blank to sign) and 立卷时间 (the seal date, China time).
/// </summary>
public static class RecordNotePage
{
    public static PrintedPages Print(ArchivePrinter printer, CaseManifest m, IReadOnlyList<(DocumentEntry Entry, int Pages)> docs,
        IReadOnlyList<int> laterVolumes, int processPages) =>
        printer.Print("record-note", new
        {
            Summary = Summary(m, docs, laterVolumes, processPages),
            FiledBy = m.Sealed ? ActorName.PersonOf(m.SealedBy) : "",
            CheckedBy = "",
            FiledOn = m.Sealed && m.SealedAt is { } at ? CoverPage.Iso(CoverPage.ChinaDate(at)) : null,
        });

    /// <summary>
    /// 本卷情况说明: how many 件 and 页, how many are scans, the 案卷办理过程 pages (when printed), and where the other
    /// volumes are kept.
    /// </summary>
    public static string Summary(CaseManifest m, IReadOnlyList<(DocumentEntry Entry, int Pages)> docs, IReadOnlyList<int> laterVolumes, int processPages = 0)
    {
        int pages = docs.Sum(d => d.Pages);
        var pdfs = docs.Where(d => d.Pages > 0).ToList();
        int scans = docs.Count - pdfs.Count;
        var text = $"本卷共 {docs.Count} 件 {pages} 页";
        if (scans > 0) text += $"，其中版式文件 {pdfs.Count} 件 {pages} 页，扫描图像 {scans} 件（以原图像保存，不计页数）";
        text += "。";
        if (processPages > 0)
            text += $"卷内文件之后附案卷办理过程 {processPages} 页（不计入页数）。";
        if (m.Metadata.SupplementOf is { } root)
            text += $"本卷为案卷 {root} 的补充卷第 {m.Metadata.Volume} 卷。";
        if (laterVolumes.Count > 0)
            text += $"补充卷 {string.Join("、", laterVolumes.Select(v => "V" + v.ToString(CultureInfo.InvariantCulture)))} 另卷保存。";
        text += m.Sealed ? "本卷已封存，封存清单经电子签名。" : "本卷尚未封存。";
        return text;
    }
}
