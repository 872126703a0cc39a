using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Docx;

/// <summary>Font names written to the DOCX: Word's Chinese names for the East Asian slot, a matching Latin face.</summary>
internal static class DocxFonts
{
    /// <summary>宋体 (SimSun): the serif East Asian face.</summary>
    public const string SerifEastAsia = "宋体";
    /// <summary>黑体 (SimHei): the sans East Asian face used for headings.</summary>
    public const string SansEastAsia = "黑体";
    public const string SerifLatin = "Times New Roman";
    public const string SansLatin = "Arial";
    /// <summary>Has ☐ U+2610 and ☑ U+2611 (MS Gothic lacks ☑).</summary>
    public const string Symbol = "Segoe UI Symbol";

    public static string EastAsia(FontFamilyKind family) => family == FontFamilyKind.Sans ? SansEastAsia : SerifEastAsia;

    public static string Latin(FontFamilyKind family) => family == FontFamilyKind.Sans ? SansLatin : SerifLatin;

    /// <summary>rFonts for a family: Latin face for ascii/hAnsi/cs, the Chinese face for eastAsia.</summary>
    public static RunFonts For(FontFamilyKind family) => new()
    {
        Ascii = Latin(family),
        HighAnsi = Latin(family),
        EastAsia = EastAsia(family),
        ComplexScript = Latin(family),
    };

    /// <summary>
    /// rFonts with the Chinese face in every slot. Used for blanks, whose padding spaces must be half an em wide
    /// (宋体/黑体 have half-width Latin glyphs; Times New Roman's space is only a quarter em).
    /// </summary>
    public static RunFonts AllEastAsia(FontFamilyKind family)
    {
        var name = EastAsia(family);
        return new RunFonts { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name, Hint = FontTypeHintValues.EastAsia };
    }

    public static RunFonts SymbolFonts() => new() { Ascii = Symbol, HighAnsi = Symbol, EastAsia = Symbol, ComplexScript = Symbol };
}
