using System.Globalization;
using System.Text;
using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;

namespace FormArchive.Tests.Support;

/// <summary>
/// The text a document model says should be printed, independent of layout and PDF: the oracle that text read back
/// from a PDF is compared with.
/// </summary>
public static class ModelText
{
    public static string Of(DocumentModel document, int pageCount)
    {
        var sb = new StringBuilder();
        foreach (var block in document.Blocks) Append(sb, block);
        if (pageCount > 1)
            for (var i = 1; i <= pageCount; i++) sb.Append(PageComposer.PageNumberText(i, pageCount));
        return sb.ToString();
    }

    /// <summary>Every character but white space, sorted: equal for two texts with the same characters in any layout.</summary>
    public static string CharacterMultiset(string text)
    {
        var runes = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var s = (string)e.Current;
            if (!string.IsNullOrWhiteSpace(s) && s != "\u3000") runes.Add(s);
        }
        runes.Sort(StringComparer.Ordinal);
        return string.Concat(runes);
    }

    /// <summary>A readable account of which characters one text has more of than the other.</summary>
    public static string Difference(string expected, string actual)
    {
        static Dictionary<string, int> Count(string s)
        {
            var d = new Dictionary<string, int>();
            var e = StringInfo.GetTextElementEnumerator(s);
            while (e.MoveNext()) { var k = (string)e.Current; d[k] = d.GetValueOrDefault(k) + 1; }
            return d;
        }
        var a = Count(expected);
        var b = Count(actual);
        var missing = a.Where(kv => kv.Value > b.GetValueOrDefault(kv.Key)).Select(kv => $"{kv.Key}×{kv.Value - b.GetValueOrDefault(kv.Key)}");
        var extra = b.Where(kv => kv.Value > a.GetValueOrDefault(kv.Key)).Select(kv => $"{kv.Key}×{kv.Value - a.GetValueOrDefault(kv.Key)}");
        return $"missing: {string.Join(" ", missing)}; extra: {string.Join(" ", extra)}";
    }

    private static void Append(StringBuilder sb, Block block)
    {
        switch (block)
        {
            case Paragraph p:
                foreach (var inline in p.Inlines)
                {
                    if (inline is TextRun r) sb.Append(r.Text);
                    else if (inline is Blank { Text: { } t }) sb.Append(t);
                    else if (inline is Checkbox box) sb.Append(Checkbox.TextFor(box.Checked));
                }
                break;
            case Table t:
                foreach (var row in t.Rows)
                    foreach (var cell in row.Cells)
                        foreach (var b in cell.Content) Append(sb, b);
                break;
            case SealArea s:
                foreach (var line in s.Lines) sb.Append(line);
                break;
        }
    }
}
