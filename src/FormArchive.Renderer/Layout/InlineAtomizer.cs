using System.Globalization;
using System.Text;
using FormArchive.Renderer.Markup;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Layout;

/// <summary>Splits a paragraph's inlines into atoms and measures them.</summary>
public static class InlineAtomizer
{
    /// <summary>Check boxes take one em: a 0.8 em box with a little air on each side.</summary>
    public const float CheckboxEm = 1.0f;

    public static List<InlineAtom> Atomize(IReadOnlyList<Inline> inlines, ITextMeasurer measurer, float maxLineWidth)
    {
        var atoms = new List<InlineAtom>();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun { NoWrap: true } run when measurer.Width(run.Text, run.Style) <= maxLineWidth:
                    atoms.Add(new TextAtom(run.Text, run.Style, measurer.Width(run.Text, run.Style)));
                    break;
                case TextRun run:
                    AddText(atoms, run.Text, run.Style, measurer, maxLineWidth);
                    break;
                case Checkbox box:
                    atoms.Add(new CheckboxAtom(box.Checked, box.Style, box.Style.SizePt * CheckboxEm));
                    break;
                case Blank blank:
                    AddBlank(atoms, blank, measurer, maxLineWidth);
                    break;
                case LineBreak br:
                    atoms.Add(new LineBreakAtom(br.Style));
                    break;
            }
        }
        return atoms;
    }

    private static void AddBlank(List<InlineAtom> atoms, Blank blank, ITextMeasurer measurer, float maxLineWidth)
    {
        var textWidth = blank.Text is null ? 0f : measurer.Width(blank.Text, blank.Style);
        var padding = blank.Style.SizePt;
        var width = Math.Max(blank.WidthPt, textWidth + padding);
        if (width <= maxLineWidth)
        {
            atoms.Add(new BlankAtom(blank.Text, blank.Style, Math.Min(width, maxLineWidth), textWidth));
            return;
        }
        // Data longer than a whole line: flow it as underlined text so nothing is cut off.
        AddText(atoms, blank.Text!, blank.Style with { Underline = true }, measurer, maxLineWidth);
    }

    private static void AddText(List<InlineAtom> atoms, string text, TextStyle style, ITextMeasurer measurer, float maxLineWidth)
    {
        var word = new StringBuilder();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            var c = element[0];
            if (c is ' ' or '\u3000')
            {
                Flush(atoms, word, style, measurer, maxLineWidth);
                atoms.Add(new SpaceAtom(element, style, measurer.Width(element, style)));
            }
            else if (WhiteSpace.IsCjk(c))
            {
                Flush(atoms, word, style, measurer, maxLineWidth);
                atoms.Add(new TextAtom(element, style, measurer.Width(element, style)));
            }
            else
            {
                word.Append(element);
            }
        }
        Flush(atoms, word, style, measurer, maxLineWidth);
    }

    private static void Flush(List<InlineAtom> atoms, StringBuilder word, TextStyle style, ITextMeasurer measurer, float maxLineWidth)
    {
        if (word.Length == 0) return;
        var s = word.ToString();
        word.Clear();
        var width = measurer.Width(s, style);
        if (width <= maxLineWidth)
        {
            atoms.Add(new TextAtom(s, style, width));
            return;
        }
        // A word wider than the whole line (an ID number in a narrow cell) may break anywhere.
        var e = StringInfo.GetTextElementEnumerator(s);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            atoms.Add(new TextAtom(element, style, measurer.Width(element, style)));
        }
    }
}
