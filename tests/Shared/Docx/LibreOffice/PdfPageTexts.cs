using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FormArchive.Tests.Support;

namespace FormArchive.Tests.Docx.LibreOffice;

/// <summary>
/// The words of each page of a PDF as <c>pdftotext -bbox</c> reads them, joined without white space, so a label can be
/// found on its page whichever way a line or a cell broke it.
/// </summary>
public static partial class PdfPageTexts
{
    public static IReadOnlyList<string> Read(string pdfPath)
    {
        var (code, html) = ExternalTool.Run("pdftotext", "-bbox", "-enc", "UTF-8", pdfPath, "-");
        if (code != 0) throw new InvalidOperationException($"pdftotext -bbox failed on {pdfPath}: {html}");
        var pages = new List<string>();
        foreach (var page in html.Split("<page ").Skip(1))
        {
            var sb = new StringBuilder();
            foreach (Match m in Word().Matches(page)) sb.Append(WebUtility.HtmlDecode(m.Groups[1].Value));
            pages.Add(Squeeze(sb.ToString()));
        }
        return pages;
    }

    /// <summary>The text without any white space (ideographic spaces included).</summary>
    public static string Squeeze(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>1-based numbers of the pages whose text contains <paramref name="label"/>.</summary>
    public static IReadOnlyList<int> PagesWith(IReadOnlyList<string> pages, string label)
    {
        var needle = Squeeze(label);
        var found = new List<int>();
        for (var i = 0; i < pages.Count; i++)
            if (pages[i].Contains(needle, StringComparison.Ordinal)) found.Add(i + 1);
        return found;
    }

    [GeneratedRegex("<word [^>]*>([^<]*)</word>")]
    private static partial Regex Word();
}
