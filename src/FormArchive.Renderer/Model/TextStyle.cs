namespace FormArchive.Renderer.Model;

/// <summary>Which typeface family a run uses. Serif maps to 宋体-like Noto Serif CJK SC, Sans to 黑体-like Noto Sans CJK SC.</summary>
public enum FontFamilyKind { Serif, Sans }

/// <summary>Character formatting of a run of text. Sizes are in points.</summary>
public sealed record TextStyle(FontFamilyKind Family = FontFamilyKind.Serif, float SizePt = 12f, bool Bold = false, bool Underline = false)
{
    public static TextStyle Default { get; } = new();
}
