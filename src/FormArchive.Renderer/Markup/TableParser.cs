using System.Xml.Linq;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Markup;

/// <summary>Parses &lt;table&gt; and checks that rows and spans fill the declared columns exactly.</summary>
internal static class TableParser
{
    public static Table Parse(XElement element, ElementReader reader, TextStyle style)
    {
        reader.OnlyAttributes("widths", "header-rows", "border", "keep-with-next");
        var columns = ParseWidths(reader, style);
        var rows = new List<TableRow>();
        IReadOnlyList<Block>? caption = null;
        foreach (var node in element.Nodes())
        {
            if (node is XText t && string.IsNullOrWhiteSpace(t.Value)) continue;
            if (node is XElement c && c.Name.LocalName == "caption")
            {
                if (caption is not null || rows.Count > 0) throw new ElementReader(c).Error("must be the table's first element, and only one");
                caption = ParseCaption(c, style);
                continue;
            }
            if (node is not XElement tr || tr.Name.LocalName != "tr")
                throw reader.Error("may contain only a <caption> and <tr> rows");
            rows.Add(ParseRow(tr, style));
        }
        if (rows.Count == 0) throw reader.Error("has no rows");
        var headerRows = reader.Int("header-rows", 0, 0, rows.Count - 1);
        var border = reader.Length("border", style.SizePt) ?? 0.75f;
        CheckGrid(rows, element, columns.Count);
        return new Table(columns, rows, headerRows, border, reader.Bool("keep-with-next") ?? false, caption);
    }

    /// <summary>Paragraphs, headings and spacers that repeat above the table on every page (a title, a reference line).</summary>
    private static IReadOnlyList<Block> ParseCaption(XElement caption, TextStyle style)
    {
        var reader = new ElementReader(caption);
        reader.OnlyAttributes();
        var blocks = BlockParser.ParseBlocks(caption, style, allowPageBreaks: false);
        if (blocks.Count == 0) throw reader.Error("is empty");
        if (blocks.Any(b => b is not (Paragraph or Spacer))) throw reader.Error("may contain only <p>, <h1>–<h3> and <spacer>");
        return blocks;
    }

    private static List<ColumnWidth> ParseWidths(ElementReader reader, TextStyle style)
    {
        var columns = new List<ColumnWidth>();
        foreach (var part in reader.RequiredText("widths").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.EndsWith("fr", StringComparison.Ordinal))
            {
                if (!float.TryParse(part[..^2], System.Globalization.CultureInfo.InvariantCulture, out var fr) || fr <= 0)
                    throw reader.Error($"column width '{part}' is not a positive fraction");
                columns.Add(ColumnWidth.Fraction(fr));
            }
            else
            {
                columns.Add(ColumnWidth.Points(Length.TryParsePoints(part, style.SizePt) ?? throw reader.Error($"column width '{part}' is not a length")));
            }
        }
        if (columns.Count == 0) throw reader.Error("widths lists no columns");
        return columns;
    }

    private static TableRow ParseRow(XElement tr, TextStyle style)
    {
        var reader = new ElementReader(tr);
        reader.OnlyAttributes("height", "keep-with-next");
        var cells = new List<TableCell>();
        foreach (var node in tr.Nodes())
        {
            if (node is XText t && string.IsNullOrWhiteSpace(t.Value)) continue;
            if (node is not XElement td || td.Name.LocalName != "td") throw reader.Error("may contain only <td> cells");
            cells.Add(ParseCell(td, style));
        }
        return new TableRow(cells, reader.Length("height", style.SizePt) ?? 0f, reader.Bool("keep-with-next") ?? false);
    }

    private static TableCell ParseCell(XElement td, TextStyle style)
    {
        var reader = new ElementReader(td);
        reader.OnlyAttributes("colspan", "rowspan", "valign", "align", "padding", "size", "font", "bold", "min-size");
        var cellStyle = reader.Style(style);
        var hasBlocks = td.Elements().Any(e => BlockParser.IsBlockElement(e.Name.LocalName));
        IReadOnlyList<Block> content;
        if (hasBlocks)
        {
            if (reader.Text("align") is not null) throw reader.Error("align applies to inline cell content; put it on the <p> elements");
            if (reader.Text("min-size") is not null) throw reader.Error("min-size applies to inline cell content; put it on the <p> elements");
            content = BlockParser.ParseBlocks(td, cellStyle, allowPageBreaks: false);
        }
        else
        {
            var paragraph = BlockParser.ParseParagraph(td, reader, style, 0, reader.Align() ?? TextAlignment.Center);
            content = paragraph.Inlines.Count == 0 ? [] : [paragraph];
        }
        return new TableCell(content, reader.Int("colspan", 1, 1, 64), reader.Int("rowspan", 1, 1, 500),
            reader.VAlign() ?? VerticalAlignment.Middle, reader.Length("padding", cellStyle.SizePt) ?? 3f);
    }

    /// <summary>Walks the HTML-style span grid so a wrong colspan is reported at its row, not as a garbled page.</summary>
    private static void CheckGrid(List<TableRow> rows, XElement table, int columnCount)
    {
        var trs = table.Elements("tr").ToList();
        var occupiedUntilRow = new int[columnCount];
        for (var r = 0; r < rows.Count; r++)
        {
            var col = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (col < columnCount && occupiedUntilRow[col] > r) col++;
                if (col + cell.ColSpan > columnCount)
                    throw new ElementReader(trs[r]).Error($"row {r + 1} has more cells than the table's {columnCount} columns");
                if (r + cell.RowSpan > rows.Count)
                    throw new ElementReader(trs[r]).Error($"a cell in row {r + 1} spans {cell.RowSpan} rows but the table ends first");
                for (var c = col; c < col + cell.ColSpan; c++)
                {
                    if (occupiedUntilRow[c] > r) throw new ElementReader(trs[r]).Error($"row {r + 1}: cells overlap at column {c + 1}");
                    occupiedUntilRow[c] = r + cell.RowSpan;
                }
                col += cell.ColSpan;
            }
            for (var c = 0; c < columnCount; c++)
                if (occupiedUntilRow[c] <= r)
                    throw new ElementReader(trs[r]).Error($"row {r + 1} leaves column {c + 1} empty (the table has {columnCount} columns)");
        }
    }
}
