using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Docx;

/// <summary>Column widths in twips: fixed columns as given, fractions sharing what is left of the available width.</summary>
internal static class DocxTableGrid
{
    /// <summary>Narrowest column written (1 pt), for fractions squeezed out by over-wide fixed columns.</summary>
    public const int MinTwips = 20;

    public static int[] ColumnTwips(IReadOnlyList<ColumnWidth> columns, int availableTwips)
    {
        var result = new int[columns.Count];
        var fixedTwips = 0;
        var fractionTotal = 0.0;
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            if (c.IsFraction)
            {
                fractionTotal += Math.Max(0f, c.Value);
            }
            else
            {
                result[i] = Math.Max(MinTwips, DocxUnits.Twips(c.Value));
                fixedTwips += result[i];
            }
        }

        if (fractionTotal > 0)
        {
            // Cumulative rounding, so the fractions add up to exactly the remaining width.
            var remaining = Math.Max(0, availableTwips - fixedTwips);
            var cumulative = 0.0;
            var assigned = 0;
            for (var i = 0; i < columns.Count; i++)
            {
                if (!columns[i].IsFraction) continue;
                cumulative += Math.Max(0f, columns[i].Value);
                var end = (int)Math.Round(remaining * cumulative / fractionTotal, MidpointRounding.AwayFromZero);
                result[i] = Math.Max(MinTwips, end - assigned);
                assigned = end;
            }
        }
        else
        {
            for (var i = 0; i < columns.Count; i++)
                if (columns[i].IsFraction) result[i] = MinTwips;
        }
        return result;
    }
}
