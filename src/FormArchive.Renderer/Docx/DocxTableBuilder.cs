using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;
using ModelTable = FormArchive.Renderer.Model.Table;
using ModelTableCell = FormArchive.Renderer.Model.TableCell;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace FormArchive.Renderer.Docx;

/// <summary>
/// Maps a model table to w:tbl: fixed layout, tblGrid from the column widths, single borders, gridSpan for ColSpan,
/// vMerge for RowSpan, tblHeader on header rows, cantSplit and minimum heights on rows.
/// </summary>
internal static class DocxTableBuilder
{
    public static WTable Build(ModelTable table, int availableTwips, DocxContext context) => Build([table], availableTwips, context);

    /// <summary>
    /// Tables that follow each other directly, as one w:tbl on the union of their column edges (each cell spans the
    /// union columns between its own edges). The PDF stacks such tables with one shared rule between them; two
    /// w:tbl elements would need a paragraph between them (Word joins adjacent tables) and print a double rule.
    /// </summary>
    public static WTable Build(IReadOnlyList<ModelTable> tables, int availableTwips, DocxContext context)
    {
        var columnsOf = tables.Select(t => DocxTableGrid.ColumnTwips(t.Columns, availableTwips)).ToList();
        var edges = new SortedSet<int>();
        foreach (var columns in columnsOf)
        {
            var x = 0;
            edges.Add(0);
            foreach (var w in columns) edges.Add(x += w);
        }
        var union = edges.ToArray();
        var grid = new int[union.Length - 1];
        for (var i = 0; i < grid.Length; i++) grid[i] = union[i + 1] - union[i];

        var tbl = new WTable(Properties(tables[0], union[^1]), Grid(grid));
        for (var t = 0; t < tables.Count; t++)
        {
            var columns = columnsOf[t];
            // map[c]: the union grid index of this table's column edge c.
            var map = new int[columns.Length + 1];
            var x = 0;
            map[0] = Array.BinarySearch(union, 0);
            for (var c = 0; c < columns.Length; c++) map[c + 1] = Array.BinarySearch(union, x += columns[c]);
            var merges = new VerticalMergeTracker(columns.Length);
            if (tables[t].CaptionBlocks.Count > 0) tbl.AppendChild(CaptionRow(tables[t], columns, map, context));
            for (var r = 0; r < tables[t].Rows.Count; r++)
            {
                var tr = Row(tables[t], r, columns, map, merges, context);
                if (KeepsWithNext(tables[t], r)) DocxParagraphBuilder.KeepWithNext(tr);
                tbl.AppendChild(tr);
            }
        }
        return tbl;
    }

    /// <summary>
    /// Rows whose paragraphs get keepNext (Word keeps such a row on the page of the next row): a row marked
    /// keep-with-next, every row of a table that keeps with the next block, and the second-to-last body row
    /// (the PDF layout never leaves a table's last row alone on a page).
    /// </summary>
    private static bool KeepsWithNext(ModelTable table, int r) =>
        table.Rows[r].KeepWithNext || table.KeepWithNext
        || (r == table.Rows.Count - 2 && r >= table.HeaderRowCount && table.Rows.Count - table.HeaderRowCount >= 3);

    /// <summary>Whether <paramref name="next"/> can join the w:tbl of <paramref name="previous"/>: same rules and width, no header rows of its own.</summary>
    public static bool CanJoin(ModelTable previous, ModelTable next, int availableTwips) =>
        next.HeaderRowCount == 0 && next.CaptionBlocks.Count == 0
        && previous.BorderWidthPt == next.BorderWidthPt
        && DocxTableGrid.ColumnTwips(previous.Columns, availableTwips).Sum() == DocxTableGrid.ColumnTwips(next.Columns, availableTwips).Sum();

    /// <summary>tblPr: tblW, tblBorders, tblLayout, tblCellMar — the schema's order.</summary>
    private static TableProperties Properties(ModelTable table, int totalTwips)
    {
        var border = table.BorderWidthPt > 0 ? BorderValues.Single : BorderValues.None;
        var size = table.BorderWidthPt > 0 ? DocxUnits.BorderEighths(table.BorderWidthPt) : 0u;
        return new TableProperties(
            new TableWidth { Width = DocxUnits.Str(totalTwips), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = border, Size = size, Space = 0u, Color = "auto" },
                new LeftBorder { Val = border, Size = size, Space = 0u, Color = "auto" },
                new BottomBorder { Val = border, Size = size, Space = 0u, Color = "auto" },
                new RightBorder { Val = border, Size = size, Space = 0u, Color = "auto" },
                new InsideHorizontalBorder { Val = border, Size = size, Space = 0u, Color = "auto" },
                new InsideVerticalBorder { Val = border, Size = size, Space = 0u, Color = "auto" }),
            new TableLayout { Type = TableLayoutValues.Fixed });
    }

    private static TableGrid Grid(int[] columns)
    {
        var grid = new TableGrid();
        foreach (var w in columns) grid.AppendChild(new GridColumn { Width = DocxUnits.Str(w) });
        return grid;
    }

    private static WTableRow Row(ModelTable table, int r, int[] columns, int[] map, VerticalMergeTracker merges, DocxContext context)
    {
        var row = table.Rows[r];
        var trPr = new TableRowProperties(new CantSplit());
        var minHeight = DocxUnits.Twips(row.MinHeightPt);
        if (minHeight > 0) trPr.AppendChild(new TableRowHeight { Val = (uint)minHeight, HeightType = HeightRuleValues.AtLeast });
        if (r < table.HeaderRowCount) trPr.AppendChild(new TableHeader());
        var tr = new WTableRow(trPr);
        var borderTwips = table.BorderWidthPt > 0 ? DocxUnits.Twips(table.BorderWidthPt) : 0;

        var col = 0;
        var next = 0;
        while (col < columns.Length)
        {
            if (merges.Continues(col, r, out var merged))
            {
                // HTML semantics: this position belongs to a cell above; Word needs an explicit continuation cell.
                tr.AppendChild(Cell(merged.Cell, col, merged.Span, columns, map, VerticalMergeMode.Continue, borderTwips, context));
                col += merged.Span;
                continue;
            }
            if (next >= row.Cells.Count)
            {
                // A short row: fill the grid with empty cells so borders stay closed.
                tr.AppendChild(Cell(null, col, 1, columns, map, VerticalMergeMode.None, borderTwips, context));
                col++;
                continue;
            }

            var cell = row.Cells[next++];
            var span = Math.Max(1, cell.ColSpan);
            if (col + span > columns.Length)
                throw new ArgumentException($"Table row {r + 1} has more cells than the table's {columns.Length} columns.", nameof(table));
            for (var c = col + 1; c < col + span; c++)
                if (merges.Continues(c, r, out _))
                    throw new ArgumentException($"Table row {r + 1}: a cell overlaps a row-spanning cell at column {c + 1}.", nameof(table));

            var lastRow = Math.Min(table.Rows.Count, r + Math.Max(1, cell.RowSpan)) - 1;
            var mode = VerticalMergeMode.None;
            if (lastRow > r)
            {
                merges.Start(col, span, lastRow, cell);
                mode = VerticalMergeMode.Restart;
            }
            tr.AppendChild(Cell(cell, col, span, columns, map, mode, borderTwips, context));
            col += span;
        }
        if (next < row.Cells.Count)
            throw new ArgumentException($"Table row {r + 1} has more cells than the table's {columns.Length} columns.", nameof(table));
        return tr;
    }

    /// <summary>
    /// The caption as the table's first repeated header row (Word repeats only rows): one cell across the table,
    /// without rules, so it reads as the title above the grid on every page.
    /// </summary>
    private static WTableRow CaptionRow(ModelTable table, int[] columns, int[] map, DocxContext context)
    {
        var tr = new WTableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        var tc = Cell(new ModelTableCell(table.CaptionBlocks, ColSpan: columns.Length, PaddingPt: 0f), 0, columns.Length, columns, map, VerticalMergeMode.None,
            0, context);
        var borders = new TableCellBorders(
            new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
            new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil });
        // tcBorders sits after tcW, gridSpan and vMerge in the schema's order.
        var tcPr = tc.TableCellProperties!;
        var after = (OpenXmlElement?)tcPr.GetFirstChild<VerticalMerge>() ?? (OpenXmlElement?)tcPr.GetFirstChild<GridSpan>()
            ?? tcPr.GetFirstChild<TableCellWidth>();
        tcPr.InsertAfter(borders, after);
        tr.AppendChild(tc);
        return tr;
    }

    private enum VerticalMergeMode { None, Restart, Continue }

    /// <summary>tcPr: tcW, gridSpan, vMerge, tcMar, vAlign — the schema's order; then the content (at least one w:p).</summary>
    private static WTableCell Cell(ModelTableCell? cell, int col, int span, int[] columns, int[] map, VerticalMergeMode mode, int borderTwips,
        DocxContext context)
    {
        var width = 0;
        for (var c = col; c < col + span; c++) width += columns[c];
        var padding = Math.Max(0, DocxUnits.Twips(cell?.PaddingPt ?? 3f));

        var tcPr = new TableCellProperties(new TableCellWidth { Width = DocxUnits.Str(width), Type = TableWidthUnitValues.Dxa });
        var gridSpan = map[col + span] - map[col];
        if (gridSpan > 1) tcPr.AppendChild(new GridSpan { Val = gridSpan });
        if (mode == VerticalMergeMode.Restart) tcPr.AppendChild(new VerticalMerge { Val = MergedCellValues.Restart });
        else if (mode == VerticalMergeMode.Continue) tcPr.AppendChild(new VerticalMerge());
        var pad = DocxUnits.Str(padding);
        // Office suites add the borders to a row's content height (LibreOffice: about half the rule width per row,
        // measured), where the PDF draws them over the row's edges; the top and bottom margins give that back.
        var vertical = DocxUnits.Str(Math.Max(0, padding - (int)MathF.Round(borderTwips / 4f)));
        tcPr.AppendChild(new TableCellMargin(
            new TopMargin { Width = vertical, Type = TableWidthUnitValues.Dxa },
            new LeftMargin { Width = pad, Type = TableWidthUnitValues.Dxa },
            new BottomMargin { Width = vertical, Type = TableWidthUnitValues.Dxa },
            new RightMargin { Width = pad, Type = TableWidthUnitValues.Dxa }));
        tcPr.AppendChild(new TableCellVerticalAlignment
        {
            Val = (cell?.VerticalAlignment ?? VerticalAlignment.Middle) switch
            {
                VerticalAlignment.Top => TableVerticalAlignmentValues.Top,
                VerticalAlignment.Bottom => TableVerticalAlignmentValues.Bottom,
                _ => TableVerticalAlignmentValues.Center,
            },
        });

        var tc = new WTableCell(tcPr);
        var content = mode == VerticalMergeMode.Continue || cell is null ? [] : cell.Content;
        DocxBlockBuilder.Append(tc, content, Math.Max(DocxTableGrid.MinTwips, width - 2 * padding), context, endWithParagraph: true);
        return tc;
    }

    /// <summary>Row-spanning cells still open, keyed by their first grid column.</summary>
    private sealed class VerticalMergeTracker(int columnCount)
    {
        private readonly Merge?[] _open = new Merge?[columnCount];

        public readonly record struct Merge(ModelTableCell Cell, int Span, int LastRow);

        public void Start(int col, int span, int lastRow, ModelTableCell cell) => _open[col] = new Merge(cell, span, lastRow);

        public bool Continues(int col, int row, out Merge merge)
        {
            if (_open[col] is { } m && m.LastRow >= row)
            {
                merge = m;
                return true;
            }
            merge = default;
            return false;
        }
    }
}
