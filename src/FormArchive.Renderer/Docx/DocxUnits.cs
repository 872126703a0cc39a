namespace FormArchive.Renderer.Docx;

/// <summary>Converts model points to the integer units WordprocessingML uses.</summary>
internal static class DocxUnits
{
    /// <summary>Twentieths of a point (dxa); A4 595.28 pt → 11906.</summary>
    public static int Twips(float pt) => (int)MathF.Round(pt * 20f, MidpointRounding.AwayFromZero);

    /// <summary>Half-points for w:sz; at least 2 (1 pt), at most 3276 (1638 pt), the schema's range.</summary>
    public static int HalfPoints(float pt) => Math.Clamp((int)MathF.Round(pt * 2f, MidpointRounding.AwayFromZero), 2, 3276);

    /// <summary>Eighths of a point for border w:sz, clamped to Word's 2–96 (¼–12 pt).</summary>
    public static uint BorderEighths(float pt) => (uint)Math.Clamp((int)MathF.Round(pt * 8f, MidpointRounding.AwayFromZero), 2, 96);

    /// <summary>Formats a non-negative integer without culture lookups.</summary>
    public static string Str(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
