using FormArchive.Renderer.Model;

namespace FormArchive.Tests.Docx;

/// <summary>Document models built directly (no markup parser), shaped like the township forms.</summary>
internal static class DocxSampleDocuments
{
    public const string Title = "池州市低收入人口申请受理告知书";
    public const string Special = "<x>&\"]]>";

    public static readonly TextStyle BodyStyle = new(FontFamilyKind.Serif, 12f);
    public static readonly TextStyle Small = new(FontFamilyKind.Serif, 10.5f);
    public static readonly TextStyle H1 = new(FontFamilyKind.Sans, 18f);
    public static readonly TextStyle H2 = new(FontFamilyKind.Sans, 15f, Bold: true);

    public static DocumentModel Form(PageOrientation orientation = PageOrientation.Portrait) => new(
        new DocumentInfo(Title, "低收入人口认定", "贵池区民政局", "低保;受理", new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(8))),
        PageSetup.A4(orientation),
        [
            Heading(1, Title, H1, TextAlignment.Center),
            new Paragraph(
                [
                    new TextRun("申请人", BodyStyle),
                    new Blank("张三", 60f, BodyStyle),
                    new TextRun("：你于", BodyStyle),
                    new Blank(null, 48f, BodyStyle),
                    new TextRun("提出的申请已受理，请按要求补充材料。", BodyStyle),
                ],
                new ParagraphStyle(TextAlignment.Justify, FirstLineIndentPt: 24f, SpaceAfterPt: 6f)),
            Heading(2, "一、申请事项", H2, TextAlignment.Left),
            new Paragraph(
                [
                    new Checkbox(true, BodyStyle), new TextRun("最低生活保障", BodyStyle),
                    new TextRun("  ", BodyStyle),
                    new Checkbox(false, BodyStyle), new TextRun("特困人员救助供养", BodyStyle),
                ],
                ParagraphStyle.Default),
            SpanTable(),
            new Spacer(12f),
            new PageBreak(),
            Heading(2, "二、家庭成员", H2, TextAlignment.Left),
            LongTable(15),
            new Paragraph(
                [new TextRun("特殊字符：" + Special, BodyStyle), new LineBreak(BodyStyle), new TextRun("第二行", new TextStyle(FontFamilyKind.Sans, 12f, Underline: true))],
                new ParagraphStyle(TextAlignment.Left)),
            new SealArea("受理单位（盖章）", null, 51f, TextAlignment.Right, BodyStyle),
        ]);

    public static Paragraph Heading(int level, string text, TextStyle style, TextAlignment alignment) =>
        new([new TextRun(text, style)], new ParagraphStyle(alignment, SpaceBeforePt: 6f, SpaceAfterPt: 6f, LineSpacing: 1.3f, KeepWithNext: true), level);

    public static TableCell Cell(string text, int colSpan = 1, int rowSpan = 1) =>
        new([new Paragraph([new TextRun(text, Small)], new ParagraphStyle(TextAlignment.Center, LineSpacing: 1.2f))], colSpan, rowSpan);

    /// <summary>
    /// 4 columns (80pt 1fr 80pt 2fr), 1 header row. Row 1's "姓名" spans rows 1–2 (row 2 omits position 0);
    /// row 4's "居住情况" spans columns 2–3 and rows 4–5 (row 5 omits those positions); row 6 has an empty cell.
    /// </summary>
    public static Table SpanTable() => new(
        [ColumnWidth.Points(80f), ColumnWidth.Fraction(1f), ColumnWidth.Points(80f), ColumnWidth.Fraction(2f)],
        [
            new TableRow([Cell("项目"), Cell("内容", colSpan: 3)]),
            new TableRow([Cell("姓名", rowSpan: 2), Cell("张三"), Cell("性别"), Cell("男")], MinHeightPt: 24f),
            new TableRow([Cell("李四"), Cell("年龄"), Cell("45")], MinHeightPt: 24f),
            new TableRow([Cell("地址"), Cell("池州市贵池区", colSpan: 3)]),
            new TableRow([Cell("住房"), Cell("自有"), Cell("居住情况", colSpan: 2, rowSpan: 2)]),
            new TableRow([Cell("车辆"), Cell("无")]),
            new TableRow([Cell("备注"), new TableCell([]), Cell("签名"), Cell("")]),
        ],
        HeaderRowCount: 1);

    /// <summary>A family-members table: one header row and <paramref name="rows"/> − 1 handwriting rows.</summary>
    public static Table LongTable(int rows)
    {
        var list = new List<TableRow> { new([Cell("序号"), Cell("姓名"), Cell("与申请人关系"), Cell("身份证号")]) };
        for (var i = 1; i < rows; i++)
            list.Add(new TableRow([Cell(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell(""), Cell(""), Cell("")], MinHeightPt: 22f));
        return new Table([ColumnWidth.Points(36f), ColumnWidth.Fraction(1f), ColumnWidth.Fraction(1f), ColumnWidth.Fraction(2f)], list, HeaderRowCount: 1);
    }

    public static DocumentModel Single(params Block[] blocks) =>
        new(new DocumentInfo("测试"), PageSetup.A4(PageOrientation.Portrait), blocks);
}
