using System.Globalization;
using FormArchive.Archive.Cases;
using FormArchive.Renderer.Model;
using OurPdf = FormArchive.Renderer.Pdf;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// 卷内备考表, the last page of a 案卷: 本卷情况说明 (generated from what the volume holds), then 立卷人 (who
/// sealed), 检查人 (left blank to sign) and 立卷时间 (the seal date, China time).
/// </summary>
public static class RecordNotePage
{
    public static byte[] Build(CaseManifest m, IReadOnlyList<(DocumentEntry Entry, int Pages)> docs, IReadOnlyList<int> laterVolumes)
    {
        var b = new OurPdf.PdfDocumentBuilder(new OurPdf.PdfMetadata($"{m.Metadata.Title} 卷内备考表"));
        var page = b.AddPage(PdfText.PageWidth, PdfText.PageHeight);
        PdfText.Centered(page, "卷 内 备 考 表", 90, 22, bold: true);
        float left = PdfText.Margin + 20, right = page.Width - PdfText.Margin - 20, top = 130, bottom = 600;
        page.StrokeRectangle(left, top, right - left, bottom - top, 0.8f);
        page.DrawText("本卷情况说明：", left + 12, top + 28, FontFamilyKind.Serif, true, 13);
        float y = top + 58;
        // Indented two ideographic spaces, as Chinese paragraphs are, so every line wraps at the same width.
        foreach (var line in PdfText.Wrap("\u3000\u3000" + Summary(m, docs, laterVolumes), 13, right - left - 24))
        {
            page.DrawText(line, left + 12, y, FontFamilyKind.Serif, false, 13);
            y += 24;
        }
        var sealedOn = m.SealedAt is { } at ? ChineseDate(at) : "";
        float lineY = 660;
        foreach (var (label, value) in new[] { ("立卷人", m.Sealed ? ActorName.PersonOf(m.SealedBy) : ""), ("检查人", ""), ("立卷时间", sealedOn) })
        {
            page.DrawText(label + "：", 300, lineY, FontFamilyKind.Serif, true, 13);
            page.DrawText(value, 372, lineY, FontFamilyKind.Serif, false, 13);
            page.DrawLine(370, lineY + 6, right, lineY + 6, 0.5f);
            lineY += 40;
        }
        return b.ToArray();
    }

    /// <summary>本卷情况说明: how many 件 and 页, how many are scans, and where the other volumes are kept.</summary>
    public static string Summary(CaseManifest m, IReadOnlyList<(DocumentEntry Entry, int Pages)> docs, IReadOnlyList<int> laterVolumes)
    {
        int pages = docs.Sum(d => d.Pages);
        var pdfs = docs.Where(d => d.Pages > 0).ToList();
        int scans = docs.Count - pdfs.Count;
        var text = $"本卷共 {docs.Count} 件 {pages} 页";
        if (scans > 0) text += $"，其中版式文件 {pdfs.Count} 件 {pages} 页，扫描图像 {scans} 件（以原图像保存，不计页数）";
        text += "。";
        if (m.Metadata.SupplementOf is { } root)
            text += $"本卷为案卷 {root} 的补充卷第 {m.Metadata.Volume} 卷。";
        if (laterVolumes.Count > 0)
            text += $"补充卷 {string.Join("、", laterVolumes.Select(v => "V" + v.ToString(CultureInfo.InvariantCulture)))} 另卷保存。";
        text += m.Sealed ? "本卷已封存，封存清单经电子签名。" : "本卷尚未封存。";
        return text;
    }

    /// <summary>A date as archives write it: 2026年11月27日, in China time.</summary>
    public static string ChineseDate(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
