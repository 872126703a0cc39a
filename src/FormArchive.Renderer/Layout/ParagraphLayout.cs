using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>A paragraph broken into lines; splits between lines across pages.</summary>
public sealed class ParagraphLayout(Paragraph paragraph, ITextMeasurer measurer) : ILayoutElement
{
    private const float UnderlineOffsetEm = 0.16f;
    private const float RuleWidthPt = 0.5f;
    /// <summary>A ruled line sits a little lower than an underline, clear of the descenders.</summary>
    private const float RuleBelowBaselineEm = 0.3f;

    private List<TextLine>? _lines;
    private float _linesWidth = -1f;
    private int _nextLine;

    public bool KeepWithNext => paragraph.Style.KeepWithNext;

    private ParagraphStyle Style => paragraph.Style;

    public SpacePlan Measure(float width, float availableHeight)
    {
        var lines = LinesFor(width);
        if (_nextLine >= lines.Count) return SpacePlan.Full(0f);
        var used = _nextLine == 0 ? Style.SpaceBeforePt : 0f;
        var i = _nextLine;
        while (i < lines.Count && used + lines[i].Height <= availableHeight + 0.01f) used += lines[i++].Height;
        if (i == _nextLine) return SpacePlan.Wrap;
        if (i < lines.Count) return SpacePlan.Partial(used);
        return SpacePlan.Full(Math.Min(availableHeight, used + Style.SpaceAfterPt));
    }

    public void Draw(IDrawingSurface surface, float x, float y, float width, float availableHeight)
    {
        var lines = LinesFor(width);
        var top = y + (_nextLine == 0 ? Style.SpaceBeforePt : 0f);
        while (_nextLine < lines.Count && top + lines[_nextLine].Height <= y + availableHeight + 0.01f)
        {
            DrawLine(surface, lines[_nextLine], x, top, width);
            top += lines[_nextLine].Height;
            _nextLine++;
        }
    }

    private List<TextLine> LinesFor(float width)
    {
        if (_lines is null || Math.Abs(_linesWidth - width) > 0.01f)
        {
            // A paragraph allowed to shrink is set at the size where it does not wrap (the DOCX writer does the same).
            var fitted = TextFit.Fit(paragraph, width, measurer);
            var atoms = InlineAtomizer.Atomize(fitted.Inlines, measurer, width);
            var baseStyle = fitted.Inlines.Count > 0 ? fitted.Inlines[0].Style : TextStyle.Default;
            _lines = LineBreaker.Break(atoms, width, Style.FirstLineIndentPt, Style.LineSpacing, measurer, baseStyle);
            _linesWidth = width;
        }
        return _lines;
    }

    private void DrawLine(IDrawingSurface surface, TextLine line, float x, float top, float width)
    {
        var available = width - line.Indent;
        var slack = Math.Max(0f, available - line.Width);
        var left = x + line.Indent + Style.Alignment switch
        {
            TextAlignment.Center => slack / 2f,
            TextAlignment.Right => slack,
            _ => 0f,
        };
        var justify = Style.Alignment == TextAlignment.Justify && !line.EndsParagraphOrBreak && line.Atoms.Count > 1;
        var gap = justify ? slack / (line.Atoms.Count - 1) : 0f;
        // Centre the tallest glyphs in the line box: half the leading above, half below.
        var maxSize = line.Height / Style.LineSpacing;
        var baseline = top + (line.Height - maxSize) / 2f + line.Ascent;

        // A ruled paragraph: the rule runs under the whole line box's width, whatever the text's length.
        if (Style.Ruled) surface.DrawLine(x, baseline + maxSize * RuleBelowBaselineEm, x + width, baseline + maxSize * RuleBelowBaselineEm, RuleWidthPt);

        var pen = left;
        var run = new System.Text.StringBuilder();
        var runX = pen;
        TextStyle? runStyle = null;
        void FlushRun()
        {
            if (run.Length == 0 || runStyle is null) return;
            surface.DrawText(run.ToString(), runX, baseline, runStyle);
            if (runStyle.Underline) Underline(surface, runX, pen, baseline, runStyle);
            run.Clear();
        }

        foreach (var atom in line.Atoms)
        {
            // Text atoms in one style are drawn as one string when nothing stretches them, which keeps extracted text tidy.
            if (atom is TextAtom or SpaceAtom && gap == 0f && atom.Style == runStyle)
            {
                run.Append(atom is TextAtom t ? t.Text : ((SpaceAtom)atom).Text);
                pen += atom.Width;
                continue;
            }
            FlushRun();
            runStyle = null;
            switch (atom)
            {
                case TextAtom t:
                    run.Append(t.Text);
                    runX = pen;
                    runStyle = t.Style;
                    break;
                case SpaceAtom s:
                    run.Append(s.Text);
                    runX = pen;
                    runStyle = s.Style;
                    break;
                case CheckboxAtom box:
                    DrawCheckbox(surface, box, pen, baseline);
                    break;
                case BlankAtom blank:
                    DrawBlank(surface, blank, pen, baseline);
                    break;
            }
            pen += atom.Width;
            if (gap > 0f)
            {
                FlushRun();
                runStyle = null;
                pen += gap;
            }
        }
        FlushRun();
    }

    private static void Underline(IDrawingSurface surface, float x1, float x2, float baseline, TextStyle style)
    {
        var y = baseline + style.SizePt * UnderlineOffsetEm;
        surface.DrawLine(x1, y, x2, y, RuleWidthPt);
    }

    private static void DrawCheckbox(IDrawingSurface surface, CheckboxAtom box, float x, float baseline)
    {
        var size = box.Style.SizePt * 0.8f;
        var left = x + (box.Width - size) / 2f;
        var top = baseline + box.Style.SizePt * 0.1f - size;
        surface.StrokeRectangle(left, top, size, size, 0.6f);
        if (box.Checked) surface.DrawCheckMark(left, top, size, 0.9f);
        // The state as invisible text over the box (√ / □), so pdftotext and search see what was ticked.
        surface.DrawInvisibleText(Checkbox.TextFor(box.Checked), left, baseline, box.Style with { Underline = false }, size);
    }

    private static void DrawBlank(IDrawingSurface surface, BlankAtom blank, float x, float baseline)
    {
        if (blank.Text is not null)
            surface.DrawText(blank.Text, x + (blank.Width - blank.TextWidth) / 2f, baseline, blank.Style with { Underline = false });
        Underline(surface, x, x + blank.Width, baseline, blank.Style);
    }
}
