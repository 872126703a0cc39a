using System.IO.Compression;
using System.Text;

namespace FormArchive.Tests.Integrity;

/// <summary>
/// A one-page PDF whose page is one Flate-compressed 8-bit image of any size: a few hundred KB on disk, as many
/// megapixels as asked once decoded (the decoding bomb of the issue). Written object by object with a real xref.
/// </summary>
internal static class ImagePdf
{
    public static byte[] Build(int width, int height, bool rgb)
    {
        int components = rgb ? 3 : 1;
        using var z = new MemoryStream();
        using (var zl = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[width * components];
            Array.Fill(row, (byte)200); // light grey: compresses at deflate's limit, about 1:1000
            for (int y = 0; y < height; y++) zl.Write(row);
        }
        var data = z.ToArray();
        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Text(string s) { var b = Encoding.ASCII.GetBytes(s); pdf.Write(b); }
        void Obj(string body, byte[]? stream = null)
        {
            offsets.Add(pdf.Position);
            Text($"{offsets.Count} 0 obj\n{body}\n");
            if (stream is not null) { Text("stream\n"); pdf.Write(stream); Text("\nendstream\n"); }
            Text("endobj\n");
        }
        Text("%PDF-1.7\n%\u00e2\u00e3\n");
        var content = Encoding.ASCII.GetBytes("q 595 0 0 842 0 0 cm /Im0 Do Q");
        Obj("<< /Type /Catalog /Pages 2 0 R >>");
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>");
        Obj($"<< /Length {content.Length} >>", content);
        Obj($"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /{(rgb ? "DeviceRGB" : "DeviceGray")} /BitsPerComponent 8 /Filter /FlateDecode /Length {data.Length} >>", data);
        long xref = pdf.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Text($"{o:D10} 00000 n \n");
        Text($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
