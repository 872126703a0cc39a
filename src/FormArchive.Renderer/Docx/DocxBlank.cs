using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Docx;

/// <summary>
/// A fill-in blank: one underlined run whose text is centred in <see cref="Blank.WidthPt"/> by padding with
/// no-break spaces. No-break spaces keep their width in justified lines and stay underlined at a line end,
/// where Word drops the underline of ordinary trailing spaces.
/// </summary>
internal static class DocxBlank
{
    private const char Pad = '\u00A0';
    /// <summary>Width of a padding space in ems: the run uses the Chinese face in every slot, whose Latin glyphs are half-width.</summary>
    private const float PadEm = 0.5f;

    public static Run Build(Blank blank, FontFamilyKind baseFamily)
    {
        var run = new Run(DocxRunProperties.For(blank.Style, baseFamily, DocxFonts.AllEastAsia(blank.Style.Family), underline: true));
        run.AppendChild(DocxText.Text(PaddedText(blank)));
        return run;
    }

    /// <summary>The blank's text padded with no-break spaces on both sides to about its width (empty → spaces only).</summary>
    public static string PaddedText(Blank blank)
    {
        var text = Clean(blank.Text);
        var size = blank.Style.SizePt > 0 ? blank.Style.SizePt : 12f;
        var widthEm = Math.Max(0f, blank.WidthPt) / size;
        var textEm = EstimateEm(text);
        var pads = (int)MathF.Round((widthEm - textEm) / PadEm, MidpointRounding.AwayFromZero);
        if (pads < 0) pads = 0;
        if (text.Length == 0 && pads == 0) pads = 1;
        var left = pads / 2;
        return string.Create(text.Length + pads, (text, left, pads), static (span, s) =>
        {
            span.Fill(Pad);
            s.text.AsSpan().CopyTo(span[s.left..]);
        });
    }

    /// <summary>Estimated advance in ems: CJK and other wide characters 1 em, Latin and narrow ones ½ em.</summary>
    public static float EstimateEm(string text)
    {
        var em = 0f;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c)) continue;
            em += c < '\u1100' || c is >= '\uFF61' and <= '\uFFDC' ? 0.5f : 1f;
        }
        return em;
    }

    private static string Clean(string? text) => string.IsNullOrEmpty(text) ? string.Empty : DocxText.SingleLine(text);
}
