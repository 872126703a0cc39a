using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace FormArchive.Archive.Verify;

/// <summary>Opens a PDF with PdfPig (usability) and looks for active or hidden content (security).</summary>
public static partial class PdfInspector
{
    [GeneratedRegex(@"/(JavaScript|JS|EmbeddedFiles?|Launch|RichMedia)(?![A-Za-z0-9])")]
    private static partial Regex ActiveName();

    /// <summary>Page count, or an error message if PdfPig cannot read every page.</summary>
    public static (int Pages, string? Error) Open(byte[] pdf)
    {
        try
        {
            using var doc = PdfDocument.Open(pdf);
            int pages = 0;
            foreach (var page in doc.GetPages())
            {
                _ = page.Letters.Count; // forces the content stream to be parsed
                pages++;
            }
            return pages > 0 ? (pages, null) : (0, "no pages");
        }
        catch (Exception e)
        {
            return (0, e.GetType().Name + ": " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>Names of active content found: in the catalog (via PdfPig) and in object dictionaries outside streams.</summary>
    public static IReadOnlyList<string> ActiveContent(byte[] pdf)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            using var doc = PdfDocument.Open(pdf);
            var catalog = doc.Structure.Catalog.CatalogDictionary;
            if (catalog.ContainsKey(NameToken.OpenAction)) found.Add("OpenAction");
            if (catalog.ContainsKey(NameToken.Aa)) found.Add("AA");
            if (catalog.TryGet(NameToken.Names, doc.Structure.TokenScanner, out DictionaryToken? names))
            {
                if (names.ContainsKey(NameToken.JavaScript)) found.Add("JavaScript");
                if (names.ContainsKey(NameToken.EmbeddedFiles)) found.Add("EmbeddedFiles");
            }
        }
        catch (Exception)
        {
            // Unreadable PDFs fail usability; the byte scan below still runs.
        }
        foreach (Match m in ActiveName().Matches(OutsideStreams(pdf))) found.Add(m.Groups[1].Value);
        return [.. found];
    }

    /// <summary>The file as Latin-1 text with stream data removed, so compressed bytes cannot look like names.</summary>
    private static string OutsideStreams(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var sb = new StringBuilder(text.Length / 4);
        int pos = 0;
        while (true)
        {
            int s = text.IndexOf("stream", pos, StringComparison.Ordinal);
            while (s > 0 && text[s - 1] == 'd') s = text.IndexOf("stream", s + 6, StringComparison.Ordinal); // "endstream"
            if (s < 0) { sb.Append(text, pos, text.Length - pos); break; }
            sb.Append(text, pos, s - pos);
            int e = text.IndexOf("endstream", s + 6, StringComparison.Ordinal);
            if (e < 0) break;
            pos = e + 9;
        }
        return sb.ToString();
    }
}
