using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// Lays out a table page by page: its caption and header rows repeat on every page, the body splits between row groups
/// (rows joined by a row span stay together), and a single row too tall for what is left splits inside its cells.
/// </summary>
public sealed class TableLayout(Table table, LayoutBuilder builder) : ILayoutElement
{
    /// <summary>Below this much room a tall row moves to the next page rather than leaving a sliver behind.</summary>
    private const float MinRowSplitPt = 48f;

    private TableGeometry? _geometry;
    private float _geometryWidth = -1f;
    private Dictionary<(int Row, int Column), ColumnLayout>? _bodyContent;
    private int _nextGroup;

    private sealed record PagePlan(int GroupsThatFit, bool SplitNextGroup, float Height);

    public bool KeepWithNext => table.KeepWithNext;

    public SpacePlan Measure(float width, float availableHeight)
    {
        var geometry = GeometryFor(width);
        if (_nextGroup >= geometry.BodyGroups.Count && _nextGroup > 0) return SpacePlan.Full(0f);
        var plan = PlanPage(geometry, availableHeight);
        if (plan.GroupsThatFit == 0 && !plan.SplitNextGroup && geometry.BodyGroups.Count > 0) return SpacePlan.Wrap;
        var complete = _nextGroup + plan.GroupsThatFit == geometry.BodyGroups.Count && !plan.SplitNextGroup;
        return complete ? SpacePlan.Full(plan.Height) : SpacePlan.Partial(plan.Height);
    }

    public void Draw(IDrawingSurface surface, float x, float y, float width, float availableHeight)
    {
        var geometry = GeometryFor(width);
        var plan = PlanPage(geometry, availableHeight);
        if (plan.GroupsThatFit == 0 && !plan.SplitNextGroup && geometry.BodyGroups.Count > 0) return;

        var top = y;
        if (table.CaptionBlocks.Count > 0)
        {
            // Like the header, the caption is laid out afresh for each page it heads.
            var caption = builder.BuildColumn(table.CaptionBlocks);
            var h = caption.Measure(width, float.MaxValue / 4).Height;
            caption.Draw(surface, x, top, width, h);
            top += h;
        }
        if (table.HeaderRowCount > 0)
        {
            // Header cells are laid out afresh for each page: their content is drawn once per page.
            var header = ContentFor(geometry, 0, table.HeaderRowCount);
            var heights = RowHeights(geometry, 0, table.HeaderRowCount, header);
            DrawRows(surface, geometry, x, top, 0, table.HeaderRowCount, heights, header);
            top += heights.Sum();
        }
        var body = BodyContent(geometry);
        for (var g = 0; g < plan.GroupsThatFit; g++)
        {
            var (start, end) = geometry.BodyGroups[_nextGroup];
            var heights = RowHeights(geometry, start, end, body);
            DrawRows(surface, geometry, x, top, start, end, heights, body);
            top += heights.Sum();
            _nextGroup++;
        }
        if (plan.SplitNextGroup)
        {
            var row = geometry.BodyGroups[_nextGroup].Start;
            DrawRows(surface, geometry, x, top, row, row + 1, [y + availableHeight - top], body);
            if (RowIsDrawn(geometry, row, body)) _nextGroup++;
        }
        if (geometry.BodyGroups.Count == 0) _nextGroup = 1;
    }

    private PagePlan PlanPage(TableGeometry geometry, float availableHeight)
    {
        var used = CaptionHeight();
        if (table.HeaderRowCount > 0)
            used += RowHeights(geometry, 0, table.HeaderRowCount, ContentFor(geometry, 0, table.HeaderRowCount)).Sum();
        var body = BodyContent(geometry);
        var fit = 0;
        for (var g = _nextGroup; g < geometry.BodyGroups.Count; g++)
        {
            var (start, end) = geometry.BodyGroups[g];
            var h = RowHeights(geometry, start, end, body).Sum();
            if (used + h <= availableHeight + 0.01f)
            {
                used += h;
                fit++;
                continue;
            }
            var room = availableHeight - used;
            // A row never splits if it fits on a fresh page: it moves whole (a pledge with its signature and
            // thumbprint stays in one piece), as an office suite does with the DOCX's cantSplit rows. Only a row
            // taller than a page splits, and only where its text overflows; empty handwriting rows always move whole.
            var header = used - FittedBodyHeight(geometry, body, fit);
            var content = ContentHeight(geometry, start, body);
            var splittable = end - start == 1 && fit == 0 && room >= MinRowSplitPt && content > room
                && content > builder.PageContentHeightPt - header;
            if (splittable) return new PagePlan(0, true, availableHeight);
            // Widow control: the last row group never goes to the next page alone; the one before it goes along.
            if (fit >= 2 && g == geometry.BodyGroups.Count - 1)
            {
                var (ls, le) = geometry.BodyGroups[g - 1];
                return new PagePlan(fit - 1, false, used - RowHeights(geometry, ls, le, body).Sum());
            }
            return new PagePlan(fit, false, used);
        }
        return new PagePlan(fit, false, used);
    }

    /// <summary>Height of the <paramref name="count"/> body groups from the next one on (what PlanPage has fitted).</summary>
    private float FittedBodyHeight(TableGeometry geometry, Dictionary<(int, int), ColumnLayout> body, int count)
    {
        var h = 0f;
        for (var g = _nextGroup; g < _nextGroup + count; g++)
        {
            var (start, end) = geometry.BodyGroups[g];
            h += RowHeights(geometry, start, end, body).Sum();
        }
        return h;
    }

    private float CaptionHeight() =>
        table.CaptionBlocks.Count == 0 ? 0f : builder.BuildColumn(table.CaptionBlocks).Measure(_geometryWidth, float.MaxValue / 4).Height;

    private TableGeometry GeometryFor(float width)
    {
        if (_geometry is null || Math.Abs(_geometryWidth - width) > 0.01f)
        {
            _geometry = TableGeometry.Compute(table, width);
            _geometryWidth = width;
        }
        return _geometry;
    }

    private Dictionary<(int, int), ColumnLayout> BodyContent(TableGeometry geometry) =>
        _bodyContent ??= ContentFor(geometry, table.HeaderRowCount, table.Rows.Count);

    private Dictionary<(int, int), ColumnLayout> ContentFor(TableGeometry geometry, int startRow, int endRow)
    {
        var content = new Dictionary<(int, int), ColumnLayout>();
        foreach (var (row, column, cell) in geometry.Placements)
            if (row >= startRow && row < endRow)
                content[(row, column)] = builder.BuildColumn(cell.Content);
        return content;
    }

    private static float InnerWidth(TableGeometry geometry, int column, TableCell cell) =>
        Math.Max(1f, geometry.SpanWidth(column, cell.ColSpan) - 2f * cell.PaddingPt);

    /// <summary>Heights of rows [start, end) for their remaining content; row-spanning cells stretch their last row.</summary>
    private float[] RowHeights(TableGeometry geometry, int start, int end, Dictionary<(int, int), ColumnLayout> content)
    {
        var heights = new float[end - start];
        for (var r = start; r < end; r++) heights[r - start] = table.Rows[r].MinHeightPt;
        var spanning = new List<(int Row, int Span, float Need)>();
        foreach (var (row, column, cell) in geometry.Placements)
        {
            if (row < start || row >= end) continue;
            var need = content[(row, column)].Measure(InnerWidth(geometry, column, cell), float.MaxValue / 4).Height + 2f * cell.PaddingPt;
            var span = Math.Min(cell.RowSpan, end - row);
            if (span == 1) heights[row - start] = Math.Max(heights[row - start], need);
            else spanning.Add((row, span, need));
        }
        foreach (var (row, span, need) in spanning.OrderBy(s => s.Span))
        {
            var have = 0f;
            for (var r = row; r < row + span; r++) have += heights[r - start];
            if (need > have) heights[row + span - 1 - start] += need - have;
        }
        return heights;
    }

    private void DrawRows(IDrawingSurface surface, TableGeometry geometry, float x, float y, int start, int end, float[] heights, Dictionary<(int, int),
        ColumnLayout> content)
    {
        var rowTops = new float[end - start + 1];
        rowTops[0] = y;
        for (var r = 0; r < heights.Length; r++) rowTops[r + 1] = rowTops[r] + heights[r];
        var columnLefts = new float[geometry.ColumnWidths.Length + 1];
        columnLefts[0] = x;
        for (var c = 0; c < geometry.ColumnWidths.Length; c++) columnLefts[c + 1] = columnLefts[c] + geometry.ColumnWidths[c];

        foreach (var (row, column, cell) in geometry.Placements)
        {
            if (row < start || row >= end) continue;
            var cellTop = rowTops[row - start];
            var cellHeight = rowTops[Math.Min(row + cell.RowSpan, end) - start] - cellTop;
            var cellWidth = geometry.SpanWidth(column, cell.ColSpan);
            if (table.BorderWidthPt > 0f)
                surface.StrokeRectangle(columnLefts[column], cellTop, cellWidth, cellHeight, table.BorderWidthPt);

            var inner = InnerWidth(geometry, column, cell);
            var layout = content[(row, column)];
            var room = cellHeight - 2f * cell.PaddingPt;
            var plan = layout.Measure(inner, room);
            if (plan.Kind == SpacePlanKind.Wrap) continue;
            var offset = plan.Kind == SpacePlanKind.Partial ? 0f : cell.VerticalAlignment switch
            {
                VerticalAlignment.Middle => (room - plan.Height) / 2f,
                VerticalAlignment.Bottom => room - plan.Height,
                _ => 0f,
            };
            layout.Draw(surface, columnLefts[column] + cell.PaddingPt, cellTop + cell.PaddingPt + offset, inner, plan.Height);
        }
    }

    /// <summary>Tallest remaining cell content of a single row, ignoring its minimum height.</summary>
    private static float ContentHeight(TableGeometry geometry, int row, Dictionary<(int, int), ColumnLayout> content)
    {
        var max = 0f;
        foreach (var (r, column, cell) in geometry.Placements)
            if (r == row)
                max = Math.Max(max, content[(r, column)].Measure(InnerWidth(geometry, column, cell), float.MaxValue / 4).Height + 2f * cell.PaddingPt);
        return max;
    }

    private static bool RowIsDrawn(TableGeometry geometry, int row, Dictionary<(int, int), ColumnLayout> content)
    {
        foreach (var (r, column, cell) in geometry.Placements)
            if (r == row && content[(r, column)].Measure(InnerWidth(geometry, column, cell), float.MaxValue / 4).Height > 0.01f)
                return false;
        return true;
    }
}
