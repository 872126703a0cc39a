using System.Security.Cryptography;
using System.Text;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// Builds one PDF document in memory. Not thread-safe; one builder per document. Many builders may run in
/// parallel sharing <see cref="FontLibrary.Default"/> (faces are read-only; the subset cache is locked).
/// Output targets PDF/A-2b: embedded subset fonts, XMP metadata, DeviceGray with a gray OutputIntent.
/// </summary>
public sealed class PdfDocumentBuilder
{
    private readonly PdfMetadata _metadata;
    private readonly FontLibrary _fonts;
    private readonly List<PdfPageCanvas> _pages = [];
    private readonly Dictionary<FontFace, EmbeddedFont> _embedded = new();
    private readonly List<(string Title, int Page, float Y)> _bookmarks = [];

    public PdfDocumentBuilder(PdfMetadata metadata, FontLibrary? fonts = null)
    {
        _metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        _fonts = fonts ?? FontLibrary.Default;
    }

    public int PageCount => _pages.Count;

    public PdfPageCanvas AddPage(float widthPt, float heightPt)
    {
        if (!(widthPt > 0) || !(heightPt > 0)) throw new ArgumentOutOfRangeException(nameof(widthPt), "Page size must be positive");
        var page = new PdfPageCanvas(this, _fonts, widthPt, heightPt);
        _pages.Add(page);
        return page;
    }

    public void AddBookmark(string title, int pageIndex, float yFromTopPt)
    {
        if ((uint)pageIndex >= (uint)_pages.Count) throw new ArgumentOutOfRangeException(nameof(pageIndex));
        _bookmarks.Add((title ?? "", pageIndex, yFromTopPt));
    }

    internal EmbeddedFont FontFor(FontFace face)
    {
        if (!_embedded.TryGetValue(face, out var font))
            _embedded[face] = font = new EmbeddedFont(face, "F" + (_embedded.Count + 1));
        return font;
    }

    public byte[] ToArray()
    {
        using var ms = new MemoryStream();
        WriteTo(ms);
        return ms.ToArray();
    }

    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_pages.Count == 0) throw new InvalidOperationException("A PDF needs at least one page");
        // Build in memory so the /ID can hash the body and non-seekable outputs work.
        using var body = new MemoryStream();
        var w = new PdfObjectWriter(body);
        DateTimeOffset created = _metadata.Created ?? DateTimeOffset.Now;
        created = created.AddTicks(-(created.Ticks % TimeSpan.TicksPerSecond)); // PDF dates have 1 s resolution

        int catalog = w.Allocate(), pagesRoot = w.Allocate(), info = w.Allocate(), xmp = w.Allocate(), icc = w.Allocate();
        int outlines = _bookmarks.Count > 0 ? w.Allocate() : 0;
        foreach (var f in _embedded.Values) f.ObjectNumber = w.Allocate();
        var iccObjects = new Dictionary<byte[], int>(ReferenceEqualityComparer.Instance);
        foreach (var img in _pages.SelectMany(p => p.Images))
        {
            img.ObjectNumber = w.Allocate();
            if (img.IccProfile is { } icp) img.IccObjectNumber = iccObjects.TryGetValue(icp, out var n) ? n : iccObjects[icp] = w.Allocate();
        }
        var pageObjs = _pages.Select(_ => (Page: w.Allocate(), Content: w.Allocate())).ToArray();

        var cat = new StringBuilder($"<< /Type /Catalog /Pages {pagesRoot} 0 R /Metadata {xmp} 0 R /Lang (zh-CN)");
        cat.Append(" /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (Custom)");
        cat.Append($" /Info {PdfSyntax.TextString(GrayIccProfile.Description)} /DestOutputProfile {icc} 0 R >>]");
        if (outlines != 0) cat.Append($" /Outlines {outlines} 0 R /PageMode /UseOutlines");
        cat.Append(" >>");
        w.WriteObject(catalog, cat.ToString());

        w.WriteObject(pagesRoot, $"<< /Type /Pages /Kids [{string.Join(" ", pageObjs.Select(p => p.Page + " 0 R"))}] /Count {_pages.Count} >>");

        var inf = new StringBuilder("<< /Title ").Append(PdfSyntax.TextString(_metadata.Title ?? ""));
        if (!string.IsNullOrEmpty(_metadata.Subject)) inf.Append(" /Subject ").Append(PdfSyntax.TextString(_metadata.Subject));
        if (!string.IsNullOrEmpty(_metadata.Author)) inf.Append(" /Author ").Append(PdfSyntax.TextString(_metadata.Author));
        if (!string.IsNullOrEmpty(_metadata.Keywords)) inf.Append(" /Keywords ").Append(PdfSyntax.TextString(_metadata.Keywords));
        inf.Append(" /Producer ").Append(PdfSyntax.TextString(_metadata.Producer ?? "FormArchive"));
        string date = PdfSyntax.Date(created);
        inf.Append(" /CreationDate ").Append(date).Append(" /ModDate ").Append(date).Append(" >>");
        w.WriteObject(info, inf.ToString());

        // PDF/A: the XMP packet stays unfiltered so any tool can find it.
        w.WriteStream(xmp, " /Type /Metadata /Subtype /XML", XmpMetadata.Build(_metadata with { Title = _metadata.Title ?? "" }, created), compress: false);
        w.WriteStream(icc, " /N 1", GrayIccProfile.Bytes);

        if (outlines != 0) WriteOutlines(w, outlines, pageObjs.Select(p => p.Page).ToArray());

        for (int i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            var fontRes = string.Join(" ", page.FontsUsed.OrderBy(f => f.ObjectNumber).Select(f => $"/{f.ResourceName} {f.ObjectNumber} 0 R"));
            w.WriteObject(pageObjs[i].Page,
                $"<< /Type /Page /Parent {pagesRoot} 0 R /MediaBox [0 0 {PdfSyntax.Num(page.Width)} {PdfSyntax.Num(page.Height)}] " +
                $"/Resources << /Font << {fontRes} >>{XObjectResources(page)} >> /Contents {pageObjs[i].Content} 0 R >>");
            w.WriteStream(pageObjs[i].Content, "", page.BuildContent());
        }

        foreach (var f in _embedded.Values) f.Write(w);
        WriteImages(w, iccObjects);

        // The file identifier (ISO 32000-1 §14.4) is MD5 by the PDF specification's own recommendation; not a security hash.
#pragma warning disable CA5351
        byte[] id = MD5.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
#pragma warning restore CA5351
        w.Finish(catalog, info, id);
        body.Position = 0;
        body.CopyTo(output);
    }

    private void WriteOutlines(PdfObjectWriter w, int outlines, int[] pageObjs)
    {
        var items = _bookmarks.Select(_ => w.Allocate()).ToArray();
        w.WriteObject(outlines, $"<< /Type /Outlines /First {items[0]} 0 R /Last {items[^1]} 0 R /Count {items.Length} >>");
        for (int i = 0; i < items.Length; i++)
        {
            var (title, pageIndex, y) = _bookmarks[i];
            float top = _pages[pageIndex].Height - y;
            var sb = new StringBuilder($"<< /Title {PdfSyntax.TextString(title)} /Parent {outlines} 0 R");
            if (i > 0) sb.Append($" /Prev {items[i - 1]} 0 R");
            if (i < items.Length - 1) sb.Append($" /Next {items[i + 1]} 0 R");
            sb.Append($" /Dest [{pageObjs[pageIndex]} 0 R /XYZ null {PdfSyntax.Num(top)} null] >>");
            w.WriteObject(items[i], sb.ToString());
        }
    }

    private static string XObjectResources(PdfPageCanvas page) =>
        page.Images.Count == 0 ? "" : " /XObject << " + string.Join(" ", page.Images.Select(im => $"/{im.ResourceName} {im.ObjectNumber} 0 R")) + " >>";

    private void WriteImages(PdfObjectWriter w, Dictionary<byte[], int> iccObjects)
    {
        var written = new HashSet<int>();
        foreach (var img in _pages.SelectMany(p => p.Images))
        {
            string cs = img.IccObjectNumber != 0 ? $"[/ICCBased {img.IccObjectNumber} 0 R]" : img.Components == 1 ? "/DeviceGray" : "/DeviceRGB";
            w.WriteStream(img.ObjectNumber,
                $" /Type /XObject /Subtype /Image /Width {img.Width} /Height {img.Height} /ColorSpace {cs} /BitsPerComponent 8 /Filter /DCTDecode",
                img.Jpeg, compress: false);
            if (img.IccObjectNumber != 0 && written.Add(img.IccObjectNumber))
                w.WriteStream(img.IccObjectNumber, $" /N {img.Components}", img.IccProfile);
        }
    }
}
