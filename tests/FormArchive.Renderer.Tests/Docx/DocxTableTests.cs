using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Docx;
using FormArchive.Renderer.Model;
using static FormArchive.Tests.Docx.DocxSampleDocuments;
using ModelTable = FormArchive.Renderer.Model.Table;
using ModelTableCell = FormArchive.Renderer.Model.TableCell;
using ModelTableRow = FormArchive.Renderer.Model.TableRow;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
namespace FormArchive.Tests.Docx;

public sealed class DocxTableTests
{
    private static int Span(TableCell tc) => tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;

    private static string? Merge(TableCell tc) => tc.TableCellProperties?.VerticalMerge is { } vm
        ? vm.Val?.Value == MergedCellValues.Restart ? "restart" : "continue"
        : null;

    [Fact]
    public void Grid_FractionsShareWhatFixedColumnsLeave()
    {
        using var docx = new OpenedDocx(Form());
        var table = docx.Tables[0];
        // Content width 11906 − 2×1134 = 9638; fixed 1600 + 1600; 6438 left for 1fr : 2fr.
        Assert.Equal(["1600", "2146", "1600", "4292"], table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => g.Width!.Value!));
        var tblPr = table.GetFirstChild<TableProperties>()!;
        Assert.Equal("9638", tblPr.TableWidth!.Width!.Value);
        Assert.Equal(TableLayoutValues.Fixed, tblPr.TableLayout!.Type!.Value);
        Assert.Equal(["tblW", "tblBorders", "tblLayout"], tblPr.ChildElements.Select(e => e.LocalName));
        var top = tblPr.TableBorders!.TopBorder!;
        Assert.Equal(BorderValues.Single, top.Val!.Value);
        Assert.Equal(6u, top.Size!.Value); // 0.75 pt in eighths
        Assert.NotNull(tblPr.TableBorders.InsideVerticalBorder);
    }

    [Fact]
    public void SpanTable_GridSpanAndVerticalMergeWhereExpected()
    {
        using var docx = new OpenedDocx(Form());
        var rows = docx.Tables[0].Elements<TableRow>().ToList();
        Assert.Equal(7, rows.Count);

        // Every row covers exactly the 4 grid columns.
        Assert.All(rows, r => Assert.Equal(4, r.Elements<TableCell>().Sum(Span)));

        var shape = rows.Select(r => string.Join("|", r.Elements<TableCell>().Select(tc => $"{tc.InnerText}:{Span(tc)}:{Merge(tc)}"))).ToList();
        Assert.Equal("项目:1:|内容:3:", shape[0]);
        Assert.Equal("姓名:1:restart|张三:1:|性别:1:|男:1:", shape[1]);
        // Row 2 omitted position 0: the writer inserts an empty continuation cell there.
        Assert.Equal(":1:continue|李四:1:|年龄:1:|45:1:", shape[2]);
        Assert.Equal("地址:1:|池州市贵池区:3:", shape[3]);
        Assert.Equal("住房:1:|自有:1:|居住情况:2:restart", shape[4]);
        // Row 5 omitted columns 2–3: continuation with the same gridSpan.
        Assert.Equal("车辆:1:|无:1:|:2:continue", shape[5]);
        Assert.Equal("备注:1:|:1:|签名:1:|:1:", shape[6]);

        // Cell widths follow the grid.
        Assert.Equal("5892", rows[4].Elements<TableCell>().Last().TableCellProperties!.TableCellWidth!.Width!.Value);
    }

    [Fact]
    public void EveryCellHasAParagraph_AndTcPrIsInSchemaOrder()
    {
        using var docx = new OpenedDocx(Form());
        var cells = docx.Body.Descendants<TableCell>().ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, tc => Assert.IsType<Paragraph>(tc.LastChild));
        var order = new[] { "tcW", "gridSpan", "vMerge", "tcMar", "vAlign" };
        Assert.All(cells, tc =>
        {
            var names = tc.TableCellProperties!.ChildElements.Select(e => Array.IndexOf(order, e.LocalName)).ToList();
            Assert.DoesNotContain(-1, names);
            Assert.Equal(names.Order(), names);
        });
    }

    [Fact]
    public void HeaderRowsRepeat_RowsDoNotSplit_AndMinHeightsAreAtLeast()
    {
        using var docx = new OpenedDocx(Form());
        var longTable = docx.Tables[1];
        var rows = longTable.Elements<TableRow>().ToList();
        Assert.Equal(15, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<CantSplit>()));
        Assert.All(rows.Skip(1), r =>
        {
            var h = r.TableRowProperties!.GetFirstChild<TableRowHeight>()!;
            Assert.Equal(440u, h.Val!.Value);
            Assert.Equal(HeightRuleValues.AtLeast, h.HeightType!.Value);
        });
        Assert.Null(rows[0].TableRowProperties!.GetFirstChild<TableRowHeight>());
        Assert.Equal(["cantSplit", "trHeight"], rows[1].TableRowProperties!.ChildElements.Select(e => e.LocalName));

        var spanRows = docx.Tables[0].Elements<TableRow>().ToList();
        Assert.NotNull(spanRows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Null(spanRows[1].TableRowProperties!.GetFirstChild<TableHeader>());
    }

    [Fact]
    public void CellMarginsAndVerticalAlignment()
    {
        var table = new ModelTable(
            [ColumnWidth.Fraction(1f), ColumnWidth.Fraction(1f)],
            [new ModelTableRow([new ModelTableCell([], VerticalAlignment: VerticalAlignment.Top, PaddingPt: 5f), new ModelTableCell([], VerticalAlignment: VerticalAlignment.Bottom)])],
            BorderWidthPt: 1.5f);
        using var docx = new OpenedDocx(Single(table));
        var cells = docx.Body.Descendants<TableCell>().ToList();
        Assert.Equal(TableVerticalAlignmentValues.Top, cells[0].TableCellProperties!.TableCellVerticalAlignment!.Val!.Value);
        Assert.Equal(TableVerticalAlignmentValues.Bottom, cells[1].TableCellProperties!.TableCellVerticalAlignment!.Val!.Value);
        Assert.Equal("100", cells[0].TableCellProperties!.TableCellMargin!.LeftMargin!.Width!.Value);
        // 3 pt padding less a quarter of the 1.5 pt rule (30 twips / 4 ≈ 8): office suites add the rules to the row.
        Assert.Equal("52", cells[1].TableCellProperties!.TableCellMargin!.TopMargin!.Width!.Value);
        Assert.Equal("60", cells[1].TableCellProperties!.TableCellMargin!.LeftMargin!.Width!.Value);
        Assert.Equal(12u, docx.Tables[0].GetFirstChild<TableProperties>()!.TableBorders!.LeftBorder!.Size!.Value);
        // A body ending in a table gets a closing paragraph before sectPr.
        Assert.IsType<Paragraph>(docx.Body.LastChild!.PreviousSibling());
        Assert.Equal(0, OpenedDocx.Validate(docx.Package, FileFormatVersions.Microsoft365).Length);
    }

    [Fact]
    public void AdjacentTablesAreKeptApart_AndNestedTablesFitTheCell()
    {
        var nested = new ModelTable([ColumnWidth.Fraction(1f), ColumnWidth.Fraction(1f)], [new ModelTableRow([Cell("内1"), Cell("内2")])]);
        var outer = new ModelTable([ColumnWidth.Points(100f), ColumnWidth.Fraction(1f)],
            [new ModelTableRow([Cell("外"), new ModelTableCell([nested], PaddingPt: 5f)])]);
        using var docx = new OpenedDocx(Single(outer, LongTable(2)));
        var children = docx.Body.ChildElements.Select(e => e.LocalName).ToList();
        Assert.Equal(["tbl", "p", "tbl", "p", "sectPr"], children);

        var innerTable = docx.Tables[0].Descendants<Table>().Single();
        // Outer second column: 9638 − 2000 = 7638; minus 2 × 100 padding = 7438 for the nested grid.
        Assert.Equal(7438, innerTable.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(g => int.Parse(g.Width!.Value!)));
        Assert.IsType<Paragraph>(innerTable.Parent!.LastChild);
        Assert.Equal(0, OpenedDocx.Validate(docx.Package, FileFormatVersions.Microsoft365).Length);
    }

    [Fact]
    public void ShortRowsAreFilled_AndRowSpanPastTheEndIsClamped()
    {
        var table = new ModelTable(
            [ColumnWidth.Fraction(1f), ColumnWidth.Fraction(1f), ColumnWidth.Fraction(1f)],
            [
                new ModelTableRow([Cell("a"), Cell("b", rowSpan: 5)]),
                new ModelTableRow([Cell("c")]),
            ]);
        using var docx = new OpenedDocx(Single(table));
        var rows = docx.Tables[0].Elements<TableRow>().ToList();
        Assert.All(rows, r => Assert.Equal(3, r.Elements<TableCell>().Sum(Span)));
        Assert.Equal(["a:", "b:restart", ":"], rows[0].Elements<TableCell>().Select(tc => $"{tc.InnerText}:{Merge(tc)}"));
        Assert.Equal(["c:", ":continue", ":"], rows[1].Elements<TableCell>().Select(tc => $"{tc.InnerText}:{Merge(tc)}"));
        Assert.Equal(0, OpenedDocx.Validate(docx.Package, FileFormatVersions.Microsoft365).Length);
    }

    [Fact]
    public void TooManyCells_Throws()
    {
        var table = new ModelTable([ColumnWidth.Fraction(1f)], [new ModelTableRow([Cell("a"), Cell("b")])]);
        var ex = Assert.Throws<ArgumentException>(() => DocxWriter.ToArray(Single(table)));
        Assert.Contains("row 1", ex.Message);
    }
}
