using System.Globalization;
using System.Security;
using System.Text;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// XMP packet for the catalog /Metadata stream. PDF/A requires it to mirror the Info dictionary and to
/// declare the conformance level (pdfaid:part 2, conformance B).
/// </summary>
internal static class XmpMetadata
{
    public static byte[] Build(PdfMetadata m, DateTimeOffset created)
    {
        string date = created.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                      + (created.Offset == TimeSpan.Zero ? "Z" : created.ToString("zzz", CultureInfo.InvariantCulture));
        var sb = new StringBuilder(2048);
        sb.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
          .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
          .Append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
          .Append("<rdf:Description rdf:about=\"\"\n")
          .Append("  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
          .Append("  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n")
          .Append("  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n")
          .Append("  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
          .Append("<dc:format>application/pdf</dc:format>\n")
          .Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Esc(m.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        if (!string.IsNullOrEmpty(m.Author))
            sb.Append("<dc:creator><rdf:Seq><rdf:li>").Append(Esc(m.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        if (!string.IsNullOrEmpty(m.Subject))
            sb.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Esc(m.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        sb.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n")
          .Append("<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n")
          .Append("<pdf:Producer>").Append(Esc(m.Producer)).Append("</pdf:Producer>\n");
        if (!string.IsNullOrEmpty(m.Keywords))
            sb.Append("<pdf:Keywords>").Append(Esc(m.Keywords)).Append("</pdf:Keywords>\n");
        sb.Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
          .Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
          .Append("<?xpacket end=\"w\"?>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";
}
