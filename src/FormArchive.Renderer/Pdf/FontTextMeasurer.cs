using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Pdf;

/// <summary>Layout metrics from the same fonts the PDF embeds, so what is measured is what is drawn.</summary>
public sealed class FontTextMeasurer(FontLibrary fonts) : ITextMeasurer
{
    /// <summary>
    /// Top of the ideographic em box above the baseline in Noto CJK (880/1000). The fonts' hhea ascender includes
    /// line gap for Latin accents; lines here are centred on the em box, which is what CJK typesetting centres on.
    /// </summary>
    public const float EmBoxAscent = 0.88f;

    public float Width(string text, TextStyle style) => fonts.MeasureWidth(text, style.Family, style.Bold, style.SizePt);

    public float Ascent(TextStyle style) => style.SizePt * EmBoxAscent;
}
