using UglyToad.PdfPig;

namespace FormArchive.Archive.Verify;

/// <summary>Opens a PDF with PdfPig (usability) and looks for active or hidden content (security).</summary>
public static class PdfInspector
{
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

    /// <summary>
    /// Kinds of active or embedded content in the parsed PDF (<see cref="PdfScreen"/>, the parser the upload screen
    /// uses too); a PDF qpdf cannot parse at all is reported as such, since nothing in it could be ruled out.
    /// </summary>
    public static IReadOnlyList<string> ActiveContent(byte[] pdf)
    {
        var screen = PdfScreen.Inspect(pdf);
        return screen.Parsed ? screen.Active : ["无法解析（qpdf 无法读取）"];
    }
}
