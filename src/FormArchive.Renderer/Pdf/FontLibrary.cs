using System.Text;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// The fonts the product uses, loaded once per process and shared by all documents and threads.
/// Resolve is the single source of truth for "which face/glyph draws this code point", used by both
/// measuring and drawing so layout and output never disagree.
/// </summary>
public sealed class FontLibrary
{
    public const string FontDirEnvironmentVariable = "FORMARCHIVE_FONT_DIR";
    public const string DefaultFontDirectory = "/usr/share/fonts/opentype/noto";
    /// <summary>Face 2 of the Noto CJK collections is the Simplified Chinese (SC) face.</summary>
    public const int ScFaceIndex = 2;

    private static readonly Lazy<FontLibrary> s_default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FontFace[] _faces; // index: family * 2 + (bold ? 1 : 0)

    public FontLibrary(FontFace serifRegular, FontFace serifBold, FontFace sansRegular, FontFace sansBold)
    {
        _faces = [serifRegular, serifBold, sansRegular, sansBold];
    }

    public static FontLibrary Default => s_default.Value;

    /// <summary>Loads the four Noto CJK SC faces from <paramref name="directory"/>.</summary>
    public static FontLibrary LoadFrom(string directory)
    {
        string[] files = ["NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc", "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"];
        foreach (var f in files)
        {
            string p = Path.Combine(directory, f);
            if (!File.Exists(p))
                throw new InvalidOperationException(
                    $"Font file '{p}' is missing; install the Debian package fonts-noto-cjk "
                    + $"(or set {FontDirEnvironmentVariable} to a directory containing {f}).");
        }
        var loaded = new List<FontFace>(4);
        try
        {
            foreach (var f in files) loaded.Add(FontFace.Load(Path.Combine(directory, f), ScFaceIndex));
            return new FontLibrary(loaded[0], loaded[1], loaded[2], loaded[3]);
        }
        catch
        {
            foreach (var face in loaded) face.Dispose();
            throw;
        }
    }

    private static FontLibrary LoadDefault()
    {
        string? dir = Environment.GetEnvironmentVariable(FontDirEnvironmentVariable);
        return LoadFrom(string.IsNullOrWhiteSpace(dir) ? DefaultFontDirectory : dir);
    }

    public FontFace Get(FontFamilyKind family, bool bold) => _faces[Index(family, bold)];

    /// <summary>
    /// Bold 宋体 (serif) text is drawn with the regular face, emboldened by stroking its outlines (see
    /// <see cref="IsSynthesizedBold"/>), as office suites draw bold SimSun, which has no bold face. The forms use serif
    /// bold for a few labels only, not worth a whole third font program in every PDF.
    /// </summary>
    public static bool IsSynthesizedBold(FontFamilyKind family, bool bold) => bold && family == FontFamilyKind.Serif;

    /// <summary>The requested face, else the other family's face of the same weight, else .notdef of the requested face.</summary>
    public (FontFace Face, ushort Glyph) Resolve(int codepoint, FontFamilyKind family, bool bold)
    {
        if (IsSynthesizedBold(family, bold)) bold = false;
        var primary = _faces[Index(family, bold)];
        if (primary.TryGetGlyph(codepoint, out ushort g)) return (primary, g);
        var other = _faces[Index(family == FontFamilyKind.Serif ? FontFamilyKind.Sans : FontFamilyKind.Serif, bold)];
        if (other.TryGetGlyph(codepoint, out g)) return (other, g);
        return (primary, 0);
    }

    /// <summary>Width in points, per rune, with exactly the Resolve rules DrawText uses.</summary>
    public float MeasureWidth(string text, FontFamilyKind family, bool bold, float sizePt)
    {
        if (string.IsNullOrEmpty(text)) return 0f;
        if (IsSynthesizedBold(family, bold)) bold = false;
        float em = 0f;
        foreach (Rune r in text.EnumerateRunes())
        {
            var (face, glyph) = Resolve(r.Value, family, bold);
            em += face.GetAdvanceEm(glyph);
        }
        return em * sizePt;
    }

    private static int Index(FontFamilyKind family, bool bold) => (family == FontFamilyKind.Sans ? 2 : 0) + (bold ? 1 : 0);
}
