using System.Text;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Markup;

/// <summary>HTML-like white-space collapsing over a paragraph's inlines, CJK-aware.</summary>
internal static class WhiteSpace
{
    public static IReadOnlyList<Inline> Normalize(List<Inline> inlines)
    {
        var result = new List<Inline>(inlines.Count);
        // Whether the output so far ends in a collapsible space (or is at the start of the block).
        var atSpace = true;
        char previous = '\0';
        for (var i = 0; i < inlines.Count; i++)
        {
            if (inlines[i] is not TextRun run)
            {
                result.Add(inlines[i]);
                atSpace = inlines[i] is LineBreak;
                previous = '\0';
                continue;
            }
            var sb = new StringBuilder(run.Text.Length);
            var text = run.Text;
            for (var k = 0; k < text.Length; k++)
            {
                var c = text[k];
                if (!IsCollapsible(c))
                {
                    sb.Append(c);
                    previous = c;
                    atSpace = false;
                    continue;
                }
                var end = k;
                var sawNewline = false;
                while (end < text.Length && IsCollapsible(text[end])) sawNewline |= text[end++] == '\n';
                var next = end < text.Length ? text[end] : NextChar(inlines, i + 1);
                var dropForCjk = sawNewline && (IsCjk(previous) || IsCjk(next));
                if (!atSpace && !dropForCjk)
                {
                    sb.Append(' ');
                    atSpace = true;
                }
                k = end - 1;
            }
            if (sb.Length > 0) result.Add(run with { Text = sb.ToString() });
        }
        TrimTrailingSpace(result);
        return result;
    }

    private static char NextChar(List<Inline> inlines, int from)
    {
        for (var i = from; i < inlines.Count; i++)
        {
            if (inlines[i] is not TextRun r) return '\0';
            foreach (var c in r.Text)
                if (!IsCollapsible(c)) return c;
        }
        return '\0';
    }

    private static void TrimTrailingSpace(List<Inline> result)
    {
        while (result.Count > 0 && result[^1] is TextRun last)
        {
            var trimmed = last.Text.TrimEnd(' ');
            if (trimmed.Length == last.Text.Length) return;
            if (trimmed.Length == 0) result.RemoveAt(result.Count - 1);
            else { result[^1] = last with { Text = trimmed }; return; }
        }
    }

    /// <summary>
    /// XML white space only. The ideographic space U+3000 is a character Chinese forms space items with on purpose,
    /// so it never collapses.
    /// </summary>
    public static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>Ideographs, CJK punctuation and full-width forms: scripts written without spaces.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\uD800' and <= '\uDFFF';
}
