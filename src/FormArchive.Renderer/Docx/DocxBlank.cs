using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Docx;

/// <summary>
/// A fill-in blank as wide as the PDF draws it: max(width, text + one em), the text centred. Underlined runs: a
/// no-break space widened with character spacing (w:spacing) on each side of the text, so the blank's length does not
/// depend on how wide a space is in whatever font the office suite picks, and no line breaks inside the blank
/// (no-break spaces glue to their neighbours; they stay underlined at a line end, where ordinary spaces lose it).
/// </summary>
internal static class DocxBlank
{
    private const string Pad = "\u00A0";

    /// <summary>U+2060 WORD JOINER: zero width, no break opportunity; placed after a blank that ends a line.</summary>
    public const string LineEndGuard = "\u2060";

    public static IEnumerable<Run> Build(Blank blank, FontFamilyKind baseFamily, ITextMeasurer measurer)
    {
        var text = Clean(blank.Text);
        var textWidth = text.Length == 0 ? 0f : measurer.Width(text, blank.Style);
        var width = BlankWidth(blank, textWidth);
        var side = Math.Max(0f, (width - textWidth) / 2f);
        yield return Padding(blank, baseFamily, measurer, side);
        if (text.Length > 0)
        {
            var run = new Run(DocxRunProperties.For(blank.Style, baseFamily, underline: true));
            run.AppendChild(DocxText.Text(text));
            yield return run;
            yield return Padding(blank, baseFamily, measurer, side);
        }
        else
        {
            yield return Padding(blank, baseFamily, measurer, side);
        }
    }

    /// <summary>The blank's width as <see cref="InlineAtomizer"/> lays it out: at least its width, else the text plus one em.</summary>
    public static float BlankWidth(Blank blank, float textWidth) => Math.Max(blank.WidthPt, textWidth + blank.Style.SizePt);

    /// <summary>One underlined no-break space stretched to <paramref name="widthPt"/> by character spacing.</summary>
    private static Run Padding(Blank blank, FontFamilyKind baseFamily, ITextMeasurer measurer, float widthPt)
    {
        var space = measurer.Width(Pad, blank.Style);
        var extra = Math.Clamp(DocxUnits.Twips(widthPt - space), 0, 31680);
        var rPr = DocxRunProperties.For(blank.Style, baseFamily, DocxFonts.AllEastAsia(blank.Style.Family), underline: true, spacingTwips: extra);
        return new Run(rPr, DocxText.Text(Pad));
    }

    private static string Clean(string? text) => string.IsNullOrEmpty(text) ? string.Empty : DocxText.SingleLine(text);
}
