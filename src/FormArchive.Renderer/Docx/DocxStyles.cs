using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FormArchive.Renderer.Docx;

/// <summary>
/// The styles part: document defaults (宋体 / Times New Roman, 12 pt, zh-CN), Normal, and Heading 1–3 in 黑体.
/// It does not depend on the document, so it is built once and its bytes are reused.
/// </summary>
internal static class DocxStyles
{
    public const string NormalId = "Normal";
    /// <summary>Half-points of the document default size (12 pt); runs of this size need no w:sz.</summary>
    public const int DefaultHalfPoints = 24;

    private static readonly string[] HeadingIds = ["Heading1", "Heading2", "Heading3"];

    /// <summary>Style id for a heading level (1–3; deeper levels use Heading3), or null for body text.</summary>
    public static string? HeadingStyleId(int headingLevel) =>
        headingLevel <= 0 ? null : HeadingIds[Math.Min(headingLevel, 3) - 1];

    /// <summary>The font family a paragraph style gives its runs before direct formatting.</summary>
    public static Model.FontFamilyKind BaseFamily(int headingLevel) =>
        headingLevel > 0 ? Model.FontFamilyKind.Sans : Model.FontFamilyKind.Serif;

    private static readonly Lazy<byte[]> s_bytes = new(() => DocxPartXml.Serialize(Build()));

    public static byte[] Bytes => s_bytes.Value;

    private static Styles Build()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    DocxFonts.For(Model.FontFamilyKind.Serif),
                    new Kern { Val = 2u },
                    new FontSize { Val = DocxUnits.Str(DefaultHalfPoints) },
                    new FontSizeComplexScript { Val = DocxUnits.Str(DefaultHalfPoints) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(
                new StyleName { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new WidowControl { Val = false }))
            { Type = StyleValues.Paragraph, Default = true, StyleId = NormalId },
            new Style(
                new StyleName { Val = "Default Paragraph Font" },
                new UIPriority { Val = 1 },
                new SemiHidden(),
                new UnhideWhenUsed())
            { Type = StyleValues.Character, Default = true, StyleId = "DefaultParagraphFont" },
            new Style(
                new StyleName { Val = "Normal Table" },
                new UIPriority { Val = 99 },
                new SemiHidden(),
                new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, Default = true, StyleId = "TableNormal" });

        for (var level = 1; level <= 3; level++)
        {
            var id = HeadingIds[level - 1];
            styles.Append(new Style(
                new StyleName { Val = "heading " + DocxUnits.Str(level) },
                new BasedOn { Val = NormalId },
                new NextParagraphStyle { Val = NormalId },
                new UIPriority { Val = 9 },
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new KeepNext(),
                    new KeepLines(),
                    new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(DocxFonts.For(Model.FontFamilyKind.Sans)))
            { Type = StyleValues.Paragraph, StyleId = id });
        }
        return styles;
    }
}

/// <summary>Serialises a part's root element once, for parts whose content never changes.</summary>
internal static class DocxPartXml
{
    public static byte[] Serialize(OpenXmlPartRootElement root) =>
        Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + root.OuterXml);
}
