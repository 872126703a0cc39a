using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>Column widths and the grid position of every cell (HTML span rules), computed once per table.</summary>
public sealed class TableGeometry
{
    private TableGeometry(float[] columnWidths, List<(int Row, int Column, TableCell Cell)> placements, List<(int Start, int End)> bodyGroups)
    {
        ColumnWidths = columnWidths;
        Placements = placements;
        BodyGroups = bodyGroups;
    }

    public float[] ColumnWidths { get; }

    /// <summary>Every cell with its top row and first column, in row order.</summary>
    public List<(int Row, int Column, TableCell Cell)> Placements { get; }

    /// <summary>Runs of body rows that no row span crosses: the units a table may be split between pages at.</summary>
    public List<(int Start, int End)> BodyGroups { get; }

    public static TableGeometry Compute(Table table, float width)
    {
        var placements = Place(table);
        return new TableGeometry(Widths(table.Columns, width), placements, Groups(table, placements));
    }

    public float SpanWidth(int column, int span)
    {
        var w = 0f;
        for (var c = column; c < column + span; c++) w += ColumnWidths[c];
        return w;
    }

    private static float[] Widths(IReadOnlyList<ColumnWidth> columns, float width)
    {
        var fixedTotal = columns.Where(c => !c.IsFraction).Sum(c => c.Value);
        var fractionTotal = columns.Where(c => c.IsFraction).Sum(c => c.Value);
        // Fixed columns that overrun the page shrink proportionally rather than spill over the margin.
        var scale = fixedTotal > width ? width / fixedTotal : 1f;
        var rest = Math.Max(0f, width - fixedTotal * scale);
        return columns.Select(c => c.IsFraction ? (fractionTotal > 0 ? rest * c.Value / fractionTotal : 0f) : c.Value * scale).ToArray();
    }

    private static List<(int, int, TableCell)> Place(Table table)
    {
        var result = new List<(int, int, TableCell)>();
        var occupiedUntil = new int[table.Columns.Count];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var col = 0;
            foreach (var cell in table.Rows[r].Cells)
            {
                while (col < occupiedUntil.Length && occupiedUntil[col] > r) col++;
                result.Add((r, col, cell));
                for (var c = col; c < Math.Min(occupiedUntil.Length, col + cell.ColSpan); c++) occupiedUntil[c] = r + cell.RowSpan;
                col += cell.ColSpan;
            }
        }
        return result;
    }

    private static List<(int, int)> Groups(Table table, List<(int Row, int Column, TableCell Cell)> placements)
    {
        // A boundary before row r is allowed when no cell starting above r reaches into r.
        var reach = new int[table.Rows.Count + 1];
        foreach (var (row, _, cell) in placements)
            reach[row] = Math.Max(reach[row], row + cell.RowSpan);
        // A row that keeps with the next one reaches into it, like a row span.
        for (var r = 0; r + 1 < table.Rows.Count; r++)
            if (table.Rows[r].KeepWithNext) reach[r] = Math.Max(reach[r], r + 2);
        var groups = new List<(int, int)>();
        var start = table.HeaderRowCount;
        var furthest = start;
        for (var r = start; r < table.Rows.Count; r++)
        {
            furthest = Math.Max(furthest, Math.Max(reach[r], r + 1));
            if (furthest == r + 1)
            {
                groups.Add((start, r + 1));
                start = r + 1;
            }
        }
        return groups;
    }
}
