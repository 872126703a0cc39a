using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>
/// Shrink-to-fit for a paragraph with <see cref="ParagraphStyle.MinSizePt"/>: when its text would wrap at its own
/// size, it is set smaller, in ¼ pt steps down to the minimum, at the first size where no line wraps (explicit
/// &lt;br/&gt; lines still count as lines). If even the minimum wraps, the paragraph keeps its own size and wraps.
/// The PDF layout and the DOCX writer both call this with the width they give the paragraph, so both shrink alike.
/// </summary>
public static class TextFit
{
    private const float StepPt = 0.25f;
    /// <summary>Room kept free on the line, so an office suite measuring a hair wider still keeps one line.</summary>
    private const float SlackPt = 1f;

    public static Paragraph Fit(Paragraph paragraph, float width, ITextMeasurer measurer)
    {
        var min = paragraph.Style.MinSizePt;
        if (min <= 0f || paragraph.Inlines.Count == 0) return paragraph;
        if (!Wraps(paragraph, width, measurer)) return paragraph;
        var size = paragraph.Inlines.Max(i => i.Style.SizePt);
        for (var s = size - StepPt; s >= min - 0.001f; s -= StepPt)
        {
            var scaled = Scale(paragraph, s / size);
            if (!Wraps(scaled, width, measurer)) return scaled;
        }
        return paragraph;
    }

    /// <summary>Whether any line ends other than at a &lt;br/&gt; or the paragraph's end.</summary>
    private static bool Wraps(Paragraph paragraph, float width, ITextMeasurer measurer)
    {
        var usable = Math.Max(1f, width - SlackPt);
        var atoms = InlineAtomizer.Atomize(paragraph.Inlines, measurer, usable);
        var baseStyle = paragraph.Inlines[0].Style;
        var lines = LineBreaker.Break(atoms, usable, paragraph.Style.FirstLineIndentPt, paragraph.Style.LineSpacing, measurer, baseStyle);
        return lines.Any(l => !l.EndsParagraphOrBreak);
    }

    private static Paragraph Scale(Paragraph paragraph, float factor)
    {
        TextStyle S(TextStyle style) => style with { SizePt = MathF.Round(style.SizePt * factor * 4f) / 4f };
        var inlines = paragraph.Inlines.Select<Inline, Inline>(i => i switch
        {
            TextRun t => t with { Style = S(t.Style) },
            Checkbox c => c with { Style = S(c.Style) },
            Blank b => b with { Style = S(b.Style) },
            LineBreak br => br with { Style = S(br.Style) },
            _ => i,
        }).ToList();
        return paragraph with { Inlines = inlines };
    }
}
