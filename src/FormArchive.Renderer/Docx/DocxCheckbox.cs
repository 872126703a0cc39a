using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace FormArchive.Renderer.Docx;

/// <summary>
/// A Word check-box content control (w:sdt with w14:checkbox) showing ☐ U+2610 / ☑ U+2611, so a clerk can tick it
/// in Word. The document root declares w14 as ignorable (see <see cref="DocxWriter"/>).
/// </summary>
internal static class DocxCheckbox
{
    private const string UncheckedHex = "2610";
    private const string CheckedHex = "2611";

    public static SdtRun Build(Checkbox checkbox, int id)
    {
        var glyph = checkbox.Checked ? "\u2611" : "\u2610";
        return new SdtRun(
            new SdtProperties(
                Properties(checkbox.Style),
                new SdtId { Val = id },
                new W14.SdtContentCheckBox(
                    new W14.Checked { Val = checkbox.Checked ? W14.OnOffValues.One : W14.OnOffValues.Zero },
                    new W14.CheckedState { Val = CheckedHex, Font = DocxFonts.Symbol },
                    new W14.UncheckedState { Val = UncheckedHex, Font = DocxFonts.Symbol })),
            new SdtContentRun(
                new Run(Properties(checkbox.Style), new Text(glyph))));
    }

    private static RunProperties Properties(TextStyle style) =>
        DocxRunProperties.For(style with { Underline = false }, style.Family, DocxFonts.SymbolFonts());
}
