using DocumentFormat.OpenXml.Wordprocessing;

namespace FormArchive.Renderer.Docx;

/// <summary>
/// The settings part (Word 2013+ compatibility mode, so Word does not open the file in compatibility mode and
/// tables sit on the margin) and the font table (so renderers can map 宋体/黑体 to SimSun/SimHei). Both are constant.
/// </summary>
internal static class DocxSettings
{
    private static readonly Lazy<byte[]> s_settings = new(() => DocxPartXml.Serialize(new Settings(
        new Zoom { Percent = "100" },
        new DefaultTabStop { Val = 420 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
        new Compatibility(
            new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }))));

    private static readonly Lazy<byte[]> s_fonts = new(() => DocxPartXml.Serialize(new Fonts(
        Font(DocxFonts.SerifEastAsia, "SimSun", "02010600030101010101", "86", FontFamilyValues.Auto, FontPitchValues.Variable),
        Font(DocxFonts.SansEastAsia, "SimHei", "02010609060101010101", "86", FontFamilyValues.Modern, FontPitchValues.Fixed),
        Font(DocxFonts.SerifLatin, null, "02020603050405020304", "00", FontFamilyValues.Roman, FontPitchValues.Variable),
        Font(DocxFonts.SansLatin, null, "020B0604020202020204", "00", FontFamilyValues.Swiss, FontPitchValues.Variable),
        Font(DocxFonts.Symbol, null, "020B0502040204020203", "00", FontFamilyValues.Swiss, FontPitchValues.Variable))));

    public static byte[] SettingsBytes => s_settings.Value;

    public static byte[] FontTableBytes => s_fonts.Value;

    private static Font Font(string name, string? altName, string panose, string charset, FontFamilyValues family, FontPitchValues pitch)
    {
        var font = new Font { Name = name };
        if (altName is not null) font.Append(new AltName { Val = altName });
        font.Append(
            new Panose1Number { Val = panose },
            new FontCharSet { Val = charset },
            new FontFamily { Val = family },
            new Pitch { Val = pitch });
        return font;
    }
}
