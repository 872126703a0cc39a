using FormArchive.Archive.Cases;
using FormArchive.Archive.Fonds;
using FormArchive.Renderer.Model;
using OurPdf = FormArchive.Renderer.Pdf;

namespace FormArchive.Archive.Dossier;

/// <summary>
/// 案卷封面 after GB/T 9705-2008 3.1.2 (全宗名称, 案卷题名, 时间, 保管期限, 件, 页数, 档号): the 档号 as a ruled box
/// of 全宗号 | 目录号 | 案卷号 at the top right, as the standard's cover places it, then the fields on ruled lines.
/// Chosen beyond the standard: 密级 (the issue asks for it), 立卷单位 and the 封存状态 line. 类目名称 and 归档号 are
/// left out: cases are not filed under a 类目 here, and 归档号 belongs to the spine.
/// Every value wraps onto further ruled lines instead of running past its rule.
/// </summary>
public static class CoverPage
{
    private const float LabelX = 110, ValueX = 200, RuleEnd = 500, Size = 14, LineStep = 26, FieldStep = 40;

    public static void Draw(OurPdf.PdfDocumentBuilder b, CaseManifest m, ArchivalReference r, int items, int pages)
    {
        var meta = m.Metadata;
        var cover = b.AddPage(PdfText.PageWidth, PdfText.PageHeight);
        ArchivalCodeBox(cover, r);
        PdfText.Centered(cover, "案 卷 封 面", 190, 28, bold: true);

        var last = m.Documents.Select(d => d.Date).Where(d => d is not null).Max();
        var period = (meta.OpenedOn, last) switch
        {
            ({ } a, { } z) when z > a => $"{a:yyyy年M月d日} 至 {z:yyyy年M月d日}",
            ({ } a, _) => $"{a:yyyy年M月d日}",
            (null, { } z) => $"{z:yyyy年M月d日}",
            _ => "",
        };
        var title = meta.Title + (meta.Volume > 1 ? $"（补充卷 第{meta.Volume}卷，原卷 {meta.SupplementOf}）" : "");
        float y = 270;
        foreach (var (label, value) in new[]
                 {
                     ("全宗名称", r.FondsName), ("案卷题名", title), ("立卷单位", meta.Agency), ("起止日期", period),
                     ("保管期限", r.RetentionPeriod), ("密级", r.Classification), ("件数", $"{items} 件"), ("页数", $"{pages} 页"),
                     ("封存状态", m.Sealed ? $"已封存 {RecordNotePage.ChineseDate(m.SealedAt!.Value)}，立卷人 {ActorName.PersonOf(m.SealedBy)}" : "未封存"),
                 })
            y = Field(cover, label, value, y) + FieldStep;
    }

    /// <summary>A label spread over four characters' width, then the value on as many ruled lines as it needs.</summary>
    private static float Field(OurPdf.PdfPageCanvas page, string label, string value, float y)
    {
        PdfText.Spread(page, label, LabelX, y, 4 * Size, Size, bold: true);
        page.DrawText("：", LabelX + 4 * Size, y, FontFamilyKind.Serif, true, Size);
        var lines = PdfText.Wrap(value, Size, RuleEnd - ValueX - 4).ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0) y += LineStep;
            page.DrawText(lines[i], ValueX + 2, y, FontFamilyKind.Serif, false, Size);
            page.DrawLine(ValueX, y + 6, RuleEnd, y + 6, 0.5f);
        }
        return y;
    }

    /// <summary>The 档号 box: three columns with their heads above the values, widths fitted to the 案卷号.</summary>
    private static void ArchivalCodeBox(OurPdf.PdfPageCanvas page, ArchivalReference r)
    {
        const float size = 10.5f, top = 56, headH = 20;
        float right = PdfText.PageWidth - PdfText.Margin;
        float codeW = 70, catalogW = 60;
        var fileLines = PdfText.Wrap(r.FileNo, size, 180 - 8).ToList();
        float fileW = Math.Max(90, Math.Min(180, fileLines.Max(l => PdfText.Width(l, size)) + 10));
        float valueH = 8 + fileLines.Count * 14;
        float left = right - codeW - catalogW - fileW;
        float[] xs = [left, left + codeW, left + codeW + catalogW, right];
        page.StrokeRectangle(left, top, right - left, headH + valueH, 0.8f);
        page.DrawLine(left, top + headH, right, top + headH, 0.5f);
        for (int i = 1; i < 3; i++) page.DrawLine(xs[i], top, xs[i], top + headH + valueH, 0.5f);
        string[] heads = ["全宗号", "目录号", "案卷号"];
        string[][] values = [[r.FondsCode], [r.CatalogNo], fileLines.ToArray()];
        for (int c = 0; c < 3; c++)
        {
            float w = xs[c + 1] - xs[c];
            page.DrawText(heads[c], xs[c] + (w - PdfText.Width(heads[c], size, FontFamilyKind.Sans, true)) / 2, top + 14, FontFamilyKind.Sans, true, size);
            for (int l = 0; l < values[c].Length; l++)
                page.DrawText(values[c][l], xs[c] + (w - PdfText.Width(values[c][l], size)) / 2, top + headH + 15 + l * 14, FontFamilyKind.Serif, false, size);
        }
        page.DrawText("档号", left - PdfText.Width("档号", size, FontFamilyKind.Sans, true) - 6, top + 14, FontFamilyKind.Sans, true, size);
    }
}
