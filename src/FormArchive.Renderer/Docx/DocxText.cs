using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FormArchive.Renderer.Docx;

/// <summary>Puts model text into a run: drops characters XML cannot carry, maps \n to w:br and \t to w:tab.</summary>
internal static class DocxText
{
    /// <summary>Appends <paramref name="text"/> to <paramref name="run"/> as w:t / w:br / w:tab children.</summary>
    public static void AppendTo(Run run, string text)
    {
        if (text.Length == 0) return;
        if (!NeedsWork(text))
        {
            run.AppendChild(Text(text));
            return;
        }

        var segment = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    Flush(run, segment);
                    run.AppendChild(new Break());
                    break;
                case '\n':
                    Flush(run, segment);
                    run.AppendChild(new Break());
                    break;
                case '\t':
                    Flush(run, segment);
                    run.AppendChild(new TabChar());
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        segment.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (IsXmlChar(c))
                    {
                        segment.Append(c);
                    }
                    break;
            }
        }
        Flush(run, segment);
    }

    /// <summary>
    /// Text that office suites keep on one line (a nowrap span: a check box's label, 不予批准。): U+2060 WORD JOINER,
    /// zero width, between its characters. Spaces inside become no-break spaces.
    /// </summary>
    public static string Unbreakable(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            if (sb.Length > 0) sb.Append('\u2060');
            var element = (string)e.Current;
            sb.Append(element == " " ? "\u00A0" : element);
        }
        return sb.ToString();
    }

    /// <summary>A w:t, preserving spaces when the text has any (Word would otherwise trim them).</summary>
    public static Text Text(string value)
    {
        var t = new Text(value);
        if (value.AsSpan().IndexOfAny(' ', '\u00A0', '\u3000') >= 0) t.Space = SpaceProcessingModeValues.Preserve;
        return t;
    }

    /// <summary>Text for a single w:t: tabs and line breaks become spaces, characters XML cannot carry are dropped.</summary>
    public static string SingleLine(string text)
    {
        if (!NeedsWork(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' or '\r')
            {
                sb.Append(' ');
            }
            else if (IsXmlChar(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static void Flush(Run run, StringBuilder segment)
    {
        if (segment.Length == 0) return;
        run.AppendChild(Text(segment.ToString()));
        segment.Clear();
    }

    private static bool NeedsWork(string text)
    {
        foreach (var c in text)
            if (c < '\u0020' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') return true;
        return false;
    }

    private static bool IsXmlChar(char c) => c >= '\u0020' && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF');
}
