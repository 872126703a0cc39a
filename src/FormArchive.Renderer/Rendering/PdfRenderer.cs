using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Renderer.Rendering;

/// <summary>Document model → pages → PDF bytes.</summary>
public static class PdfRenderer
{
    public static byte[] Render(DocumentModel document, FontLibrary? fonts = null) => Render(document, out _, fonts);

    public static byte[] Render(DocumentModel document, out int pageCount, FontLibrary? fonts = null)
    {
        fonts ??= FontLibrary.Default;
        var pages = PageComposer.Compose(document, new FontTextMeasurer(fonts));
        var info = document.Info;
        var builder = new PdfDocumentBuilder(new PdfMetadata(info.Title, info.Subject, info.Author, info.Keywords, "FormArchive", info.Created), fonts);
        foreach (var page in pages)
            page.ReplayTo(new PdfSurface(builder.AddPage(page.Width, page.Height)));
        pageCount = pages.Count;
        return builder.ToArray();
    }
}
