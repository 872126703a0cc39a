using System.Text;

namespace FormArchive.Templates;

/// <summary>XML escaping of text that goes into markup, as element text or attribute value.</summary>
public static class XmlText
{
    /// <summary>
    /// Escapes &amp; &lt; &gt; " ' and replaces characters that XML 1.0 does not allow at all
    /// (C0 controls other than tab, CR, LF; U+FFFE, U+FFFF; unpaired surrogates) with U+FFFD, so
    /// that any string yields well-formed markup and stays plain text.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => null,
            };
            if (replacement is null)
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
                if (!IsXmlChar(c))
                    replacement = "\uFFFD";
            }
            if (replacement is null)
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            sb.Append(replacement);
        }
        return sb?.ToString() ?? text;
    }

    private static bool IsXmlChar(char c) =>
        c == '\t' || c == '\n' || c == '\r' ||
        (c >= 0x20 && c <= 0xD7FF) ||
        (c >= 0xE000 && c <= 0xFFFD);
}
