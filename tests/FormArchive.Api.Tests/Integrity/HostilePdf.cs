using System.Text;

namespace FormArchive.Tests.Integrity;

/// <summary>Small hand-made PDFs with a correct xref, for the screening attacks: extra catalog entries and objects.</summary>
internal static class HostilePdf
{
    /// <summary>A one-page PDF; <paramref name="catalogExtra"/> goes into the catalog, <paramref name="objects"/> are objects 4, 5 ….</summary>
    public static byte[] Build(string catalogExtra = "", params string[] objects)
    {
        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Text(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        void Obj(string body) { offsets.Add(pdf.Position); Text($"{offsets.Count} 0 obj\n{body}\nendobj\n"); }
        Text("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        Obj($"<< /Type /Catalog /Pages 2 0 R {catalogExtra} >>");
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        foreach (var o in objects) Obj(o);
        long xref = pdf.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Text($"{o:D10} 00000 n \n");
        Text($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>The same PDF rewritten by qpdf with its objects packed into compressed object streams.</summary>
    public static byte[] InObjectStreams(byte[] pdf)
    {
        var input = Path.GetTempFileName();
        var output = input + ".os.pdf";
        File.WriteAllBytes(input, pdf);
        try
        {
            var (code, text) = Support.ExternalTool.Run("qpdf", "--object-streams=generate", "--compress-streams=y", input, output);
            Assert.True(code is 0 or 3, text);
            return File.ReadAllBytes(output);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
