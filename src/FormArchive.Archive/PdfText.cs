using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Archive;

/// <summary>
/// Small helpers for the archive's own pages (report, cover, 卷内目录) on our PDF writer: A4, and widths measured
/// with the fonts the writer embeds, so wrapped text never runs past its column.
/// </summary>
internal static class PdfText
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f, Margin = 56f;

    public static float Width(string text, float size, FontFamilyKind family = FontFamilyKind.Serif, bool bold = false) =>
        FontLibrary.Default.MeasureWidth(text, family, bold, size);

    // Chinese line breaking (避头尾): closing punctuation never starts a line, opening punctuation never ends one.
    private const string NoLineStart = "，。、；：！？）》」』】〕”’…—%,.;:!?)]}";
    private const string NoLineEnd = "（《「『【〔“‘([{";

    /// <summary>
    /// Cuts <paramref name="text"/> into lines no wider than <paramref name="max"/> points. A closing mark that would
    /// start a line takes the previous character down with it; an opening mark at a line's end moves down too.
    /// </summary>
    public static IEnumerable<string> Wrap(string text, float size, float max, FontFamilyKind family = FontFamilyKind.Serif, bool bold = false)
    {
        var line = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            if (line.Length > 0 && Width(line.ToString() + c, size, family, bold) > max)
            {
                var carry = new System.Text.StringBuilder();
                // A Latin word or identifier (a key id, a file name) moves down whole if it fits on a line by itself.
                if (IsWordChar(c) && IsWordChar(line[^1]))
                {
                    int start = line.Length - 1;
                    while (start > 0 && IsWordChar(line[start - 1])) start--;
                    var word = line.ToString(start, line.Length - start);
                    bool somethingStays = Enumerable.Range(0, start).Any(i => !NoLineEnd.Contains(line[i]));
                    if (somethingStays && Width(word + c, size, family, bold) <= max)
                    {
                        carry.Append(word);
                        line.Length = start;
                    }
                }
                // Move characters down until the next line starts with something other than a closing mark …
                if (carry.Length == 0 && NoLineStart.Contains(c))
                    while (line.Length > 1 && (carry.Length == 0 || NoLineStart.Contains(carry[0])))
                    {
                        carry.Insert(0, line[^1]);
                        line.Length--;
                    }
                // A word the closing mark pulled from goes down whole, if something stays on this line.
                if (carry.Length > 0 && IsWordChar(carry[0]) && line.Length > 0 && IsWordChar(line[^1]))
                {
                    int start = line.Length - 1;
                    while (start > 0 && IsWordChar(line[start - 1])) start--;
                    var word = line.ToString(start, line.Length - start);
                    if (Enumerable.Range(0, start).Any(i => !NoLineEnd.Contains(line[i])) && Width(word + carry + c, size, family, bold) <= max)
                    {
                        carry.Insert(0, word);
                        line.Length = start;
                    }
                }
                // … and this one does not end with an opening mark.
                while (line.Length > 1 && NoLineEnd.Contains(line[^1]))
                {
                    carry.Insert(0, line[^1]);
                    line.Length--;
                }
                yield return line.ToString();
                line.Clear().Append(carry);
            }
            line.Append(c);
        }
        if (line.Length > 0 || text.Length == 0) yield return line.ToString();
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>Text centred on the page.</summary>
    public static void Centered(PdfPageCanvas page, string text, float baseline, float size, bool bold = false) =>
        page.DrawText(text, (page.Width - Width(text, size)) / 2, baseline, FontFamilyKind.Serif, bold, size);

    /// <summary>A short label spread evenly over <paramref name="width"/> (件数 as wide as 全宗名称), as printed forms align labels.</summary>
    public static void Spread(PdfPageCanvas page, string label, float x, float baseline, float width, float size, bool bold = false)
    {
        if (label.Length < 2) { page.DrawText(label, x, baseline, FontFamilyKind.Serif, bold, size); return; }
        float gap = (width - Width(label, size, FontFamilyKind.Serif, bold)) / (label.Length - 1);
        foreach (char c in label)
        {
            var s = c.ToString();
            page.DrawText(s, x, baseline, FontFamilyKind.Serif, bold, size);
            x += Width(s, size, FontFamilyKind.Serif, bold) + Math.Max(0, gap);
        }
    }
}
