using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// The distance from one line's top to the next: the largest font size on the line times the paragraph's line
/// spacing. One place, so the PDF layout and the DOCX writer (exact line spacing) keep the same pitch.
/// </summary>
public static class LinePitch
{
    public static float For(float maxSizePt, float lineSpacing) => maxSizePt * lineSpacing;

    /// <summary>
    /// A paragraph's pitch for a DOCX paragraph, which has one pitch for all its lines: its largest inline size
    /// (an empty paragraph: its first inline's size, else the default size), as the layout gives each full line.
    /// </summary>
    public static float Of(Paragraph paragraph)
    {
        var max = 0f;
        foreach (var inline in paragraph.Inlines)
            if (inline is not LineBreak) max = Math.Max(max, inline.Style.SizePt);
        if (max <= 0f) max = paragraph.Inlines.Count > 0 ? paragraph.Inlines[0].Style.SizePt : TextStyle.Default.SizePt;
        return For(max, paragraph.Style.LineSpacing);
    }
}
