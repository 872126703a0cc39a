using FormArchive.Renderer.Pdf;
using ImageMagick;

namespace FormArchive.Ingest;

/// <summary>
/// A searchable PDF of one scanned document (like ocrmypdf): each page is the archival JPEG with the OCR lines
/// as invisible text (render mode 3) over the words, written by the renderer's own PDF writer.
/// </summary>
public static class SearchablePdf
{
    private static readonly Lazy<byte[]> s_srgb = new(() => ColorProfiles.SRGB.ToByteArray());

    /// <param name="dpi">Resolution assumed for the scan when sizing the page (document cameras: about 300).</param>
    public static byte[] Build(ScanResult scan, string title, int dpi = 300, FontLibrary? fonts = null)
    {
        if (scan.IsRejected || scan.Pages.Count == 0) throw new InvalidOperationException($"{scan.File}: nothing to write ({scan.Rejected ?? "no pages"})");
        var doc = new PdfDocumentBuilder(new PdfMetadata(title, Subject: "扫描件（含OCR文字层）", Producer: "FormArchive ingest"), fonts);
        float k = 72f / dpi;
        foreach (var page in scan.Pages)
        {
            var canvas = doc.AddPage(page.Width * k, page.Height * k);
            canvas.DrawImageJpeg(page.ArchivalJpeg, 0, 0, page.Width * k, page.Height * k, s_srgb.Value);
            foreach (var line in page.Lines)
            {
                float size = Math.Max(1f, line.Box.Height * k * 0.85f);
                canvas.DrawInvisibleText(line.Text, line.Box.X * k, (line.Box.Y + line.Box.Height * 0.85f) * k, size, line.Box.Width * k);
            }
        }
        return doc.ToArray();
    }
}
