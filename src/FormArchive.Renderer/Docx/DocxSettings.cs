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
        // The document carries subsets of its CJK faces (DocxEmbeddedFonts); Word keeps them when it saves.
        new EmbedTrueTypeFonts(),
        new SaveSubsetFonts(),
        new DefaultTabStop { Val = 420 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
        new Compatibility(
            new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }))));

    public static byte[] SettingsBytes => s_settings.Value;

    /// <summary>The font table; <paramref name="embedded"/> names the faces whose subsets are embedded (relationship id, key).</summary>
    public static byte[] FontTableBytes(IReadOnlyDictionary<string, (string RelationshipId, string FontKey)> embedded) => DocxPartXml.Serialize(new Fonts(
        Font(DocxFonts.SerifEastAsia, "SimSun", "02010600030101010101", "86", FontFamilyValues.Auto, FontPitchValues.Variable, embedded),
        Font(DocxFonts.SansEastAsia, "SimHei", "02010609060101010101", "86", FontFamilyValues.Modern, FontPitchValues.Fixed, embedded),
        Font(DocxFonts.SerifLatin, null, "02020603050405020304", "00", FontFamilyValues.Roman, FontPitchValues.Variable, embedded),
        Font(DocxFonts.SansLatin, null, "020B0604020202020204", "00", FontFamilyValues.Swiss, FontPitchValues.Variable, embedded),
        Font(DocxFonts.Symbol, null, "020B0502040204020203", "00", FontFamilyValues.Swiss, FontPitchValues.Variable, embedded)));

    private static Font Font(string name, string? altName, string panose, string charset, FontFamilyValues family, FontPitchValues pitch,
        IReadOnlyDictionary<string, (string RelationshipId, string FontKey)> embedded)
    {
        var font = new Font { Name = name };
        if (altName is not null) font.Append(new AltName { Val = altName });
        font.Append(
            new Panose1Number { Val = panose },
            new FontCharSet { Val = charset },
            new FontFamily { Val = family },
            new Pitch { Val = pitch });
        if (embedded.TryGetValue(name, out var e))
            font.Append(new EmbedRegularFont { Id = e.RelationshipId, FontKey = e.FontKey });
        return font;
    }
}
