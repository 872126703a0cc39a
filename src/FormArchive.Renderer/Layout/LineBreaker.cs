namespace FormArchive.Renderer.Layout;

/// <summary>
/// Greedy line filling with break opportunities between atoms, honouring the 禁则 rules: a line never starts with
/// closing punctuation nor ends with an opening bracket, unless a single unbreakable run is wider than the line.
/// </summary>
public static class LineBreaker
{
    public static List<TextLine> Break(List<InlineAtom> atoms, float width, float firstLineIndent, float lineSpacing, ITextMeasurer measurer, Model.TextStyle paragraphStyle)
    {
        var lines = new List<TextLine>();
        var start = 0;
        while (start <= atoms.Count)
        {
            var indent = lines.Count == 0 ? firstLineIndent : 0f;
            var available = Math.Max(1f, width - indent);
            var (end, next, forced) = FindLineEnd(atoms, start, available);
            lines.Add(MakeLine(atoms, start, end, forced, indent, lineSpacing, measurer, paragraphStyle));
            if (next >= atoms.Count) break;
            start = next;
        }
        return lines;
    }

    /// <summary>Returns the exclusive end of the line's atoms, where the next line starts, and whether it ended at a &lt;br/&gt; or the end.</summary>
    private static (int End, int Next, bool HardEnd) FindLineEnd(List<InlineAtom> atoms, int start, float available)
    {
        var used = 0f;
        var lastBreak = -1;
        for (var i = start; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (atom is LineBreakAtom) return (i, i + 1, true);
            if (i > start && CanBreakBefore(atoms, i)) lastBreak = i;
            if (used + atom.Width > available && i > start)
            {
                if (atom is SpaceAtom) return (i, SkipSpaces(atoms, i), false);
                var end = lastBreak > start ? lastBreak : i;
                return (end, SkipSpaces(atoms, end), false);
            }
            used += atom.Width;
        }
        return (atoms.Count, atoms.Count, true);
    }

    private static bool CanBreakBefore(List<InlineAtom> atoms, int i)
    {
        var before = atoms[i - 1];
        var after = atoms[i];
        if (after is SpaceAtom) return false;          // break after the space instead
        if (before is CheckboxAtom) return false;      // a box never ends a line apart from its label
        if (before is SpaceAtom) return true;
        if (after.First is { } f && !LineBreakRules.MayStartLine(f)) return false;
        if (before.Last is { } l && !LineBreakRules.MayEndLine(l)) return false;
        // Two Latin words are never adjacent without a space; anything else (CJK, boxes, blanks) may break.
        return true;
    }

    private static int SkipSpaces(List<InlineAtom> atoms, int i)
    {
        while (i < atoms.Count && atoms[i] is SpaceAtom) i++;
        return i;
    }

    private static TextLine MakeLine(List<InlineAtom> atoms, int start, int end, bool hardEnd, float indent, float lineSpacing, ITextMeasurer measurer, Model.TextStyle paragraphStyle)
    {
        while (end > start && atoms[end - 1] is SpaceAtom) end--;
        var lineAtoms = atoms.GetRange(start, end - start);
        var width = 0f;
        var maxSize = lineAtoms.Count == 0 ? paragraphStyle.SizePt : 0f;
        var ascent = lineAtoms.Count == 0 ? measurer.Ascent(paragraphStyle) : 0f;
        foreach (var a in lineAtoms)
        {
            width += a.Width;
            maxSize = Math.Max(maxSize, a.Style.SizePt);
            ascent = Math.Max(ascent, measurer.Ascent(a.Style));
        }
        return new TextLine(lineAtoms, width, LinePitch.For(maxSize, lineSpacing), ascent, hardEnd, indent);
    }
}
