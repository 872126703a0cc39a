using System.Globalization;

namespace FormArchive.Renderer.Markup;

/// <summary>Parses markup lengths (pt, mm, cm, em; bare numbers are points) into points.</summary>
public static class Length
{
    public const float PointsPerMm = 72f / 25.4f;

    /// <summary>Returns points, or null when the text is not a length. <paramref name="emPt"/> resolves em units.</summary>
    public static float? TryParsePoints(string text, float emPt)
    {
        var s = text.Trim();
        (string unit, float factor)[] units = [("pt", 1f), ("mm", PointsPerMm), ("cm", PointsPerMm * 10f), ("em", emPt), ("in", 72f)];
        foreach (var (unit, factor) in units)
        {
            if (s.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
                return ParseNumber(s[..^unit.Length]) is { } v ? v * factor : null;
        }
        return ParseNumber(s);
    }

    private static float? ParseNumber(string s) =>
        float.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v) && v >= 0 ? v : null;
}
