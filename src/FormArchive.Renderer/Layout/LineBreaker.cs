namespace FormArchive.Renderer.Layout;

/// <summary>
/// Greedy line filling with break opportunities between atoms, honouring the 禁则 rules: a line never starts with
/// closing punctuation nor ends with an opening bracket, unless a single unbreakable run is wider than the line.
/// </summary>
public static class LineBreaker
{
    public static List<TextLine> Break(List<InlineAtom> atoms, float width, float firstLineIndent, float lineSpacing, ITextMeasurer measurer,
        Model.TextStyle paragraphStyle)
    {
        var spans = new List<(int Start, int End, bool Forced)>();
        var start = 0;
        while (start <= atoms.Count)
        {
            var indent = spans.Count == 0 ? firstLineIndent : 0f;
            var available = Math.Max(1f, width - indent);
            var (end, next, forced) = FindLineEnd(atoms, start, available);
            spans.Add((start, end, forced));
            if (next >= atoms.Count) break;
            start = next;
        }
        AvoidLoneLastCharacter(atoms, spans, width, firstLineIndent);
        var lines = new List<TextLine>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
            lines.Add(MakeLine(atoms, spans[i].Start, spans[i].End, spans[i].Forced, i == 0 ? firstLineIndent : 0f, lineSpacing, measurer, paragraphStyle));
        return lines;
    }

    /// <summary>
    /// A paragraph's last line never holds a single character alone (with its closing punctuation: "读。"): the line
    /// before it breaks one opportunity earlier, so two characters go down together, when that still fits.
    /// </summary>
    private static void AvoidLoneLastCharacter(List<InlineAtom> atoms, List<(int Start, int End, bool Forced)> spans, float width, float firstLineIndent)
    {
        if (spans.Count < 2) return;
        var last = spans[^1];
        var previous = spans[^2];
        if (previous.Forced || !IsLone(atoms, last.Start, last.End)) return;
        for (var cut = previous.End - 1; cut > previous.Start + 1; cut--)
        {
            if (!CanBreakBefore(atoms, cut)) continue;
            var lastWidth = 0f;
            for (var i = cut; i < last.End; i++) lastWidth += atoms[i].Width;
            if (lastWidth > width) return;
            var previousEnd = cut;
            while (previousEnd > previous.Start && atoms[previousEnd - 1] is SpaceAtom) previousEnd--;
            spans[^2] = (previous.Start, previousEnd, false);
            spans[^1] = (cut, last.End, last.Forced);
            return;
        }
    }

    /// <summary>One CJK text atom, optionally followed by punctuation that may not start a line.</summary>
    private static bool IsLone(List<InlineAtom> atoms, int start, int end)
    {
        if (end - start is < 1 or > 3 || atoms[start] is not TextAtom { Text.Length: <= 2 } first) return false;
        if (!WhiteSpaceIsCjk(first.Text[0])) return false;
        for (var i = start + 1; i < end; i++)
            if (atoms[i] is not TextAtom t || LineBreakRules.MayStartLine(t.Text[0])) return false;
        return true;
    }

    private static bool WhiteSpaceIsCjk(char c) => Markup.WhiteSpace.IsCjk(c) && LineBreakRules.MayStartLine(c);

    /// <summary>Returns the exclusive end of the line's atoms, where the next line starts, and whether it ended at a &lt;br/&gt; or the end.</summary>
    private static (int End, int Next, bool HardEnd) FindLineEnd(List<InlineAtom> atoms, int start, float available)
    {
        var used = 0f;
        var lastBreak = -1;
        var nameBreak = -1;
        for (var i = start; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            if (atom is LineBreakAtom) return (i, i + 1, true);
            if (i > start && CanBreakBefore(atoms, i))
            {
                lastBreak = i;
                if (atoms[i - 1].Last == NameSeparator) nameBreak = i;
            }
            if (used + atom.Width > available && i > start)
            {
                if (atom is SpaceAtom) return (i, SkipSpaces(atoms, i), false);
                var end = lastBreak > start ? lastBreak : i;
                // A transliterated name (阿依古丽·吐尔逊) breaks after its ·, not inside a part of the name.
                if (nameBreak > start && nameBreak < end && IsNamePart(atoms, nameBreak, i + 1)) end = nameBreak;
                return (end, SkipSpaces(atoms, end), false);
            }
            used += atom.Width;
        }
        return (atoms.Count, atoms.Count, true);
    }

    /// <summary>The middle dot between the parts of a transliterated name (U+00B7, as ID cards print it).</summary>
    private const char NameSeparator = '\u00B7';

    /// <summary>Whether atoms [from, to) are a short run of single CJK characters (one part of a name, ≤ 8 characters).</summary>
    private static bool IsNamePart(List<InlineAtom> atoms, int from, int to)
    {
        to = Math.Min(to, atoms.Count);
        if (to - from > 8) return false;
        for (var i = from; i < to; i++)
            if (atoms[i] is not TextAtom { Text.Length: <= 2 } t || !Markup.WhiteSpace.IsCjk(t.Text[0]) || !LineBreakRules.MayStartLine(t.Text[0]))
                return false;
        return true;
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

    private static TextLine MakeLine(List<InlineAtom> atoms, int start, int end, bool hardEnd, float indent, float lineSpacing, ITextMeasurer measurer,
        Model.TextStyle paragraphStyle)
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
