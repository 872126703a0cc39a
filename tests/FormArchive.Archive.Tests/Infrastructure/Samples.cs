using FormArchive.Archive.Cases;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Archive.Tests.Infrastructure;

/// <summary>Real sample documents: PDFs from our own writer, a PNG and a JPEG built byte by byte.</summary>
public static class Samples
{
    public static CaseMetadata Metadata(string caseId) => new()
    {
        CaseId = caseId,
        Title = "张三 最低生活保障审核确认",
        ApplicantName = "张三",
        IdNumber = "110105194912310029",
        Township = "秋浦街道",
        Village = "杏花村社区",
        Category = "低保",
        Status = "审核",
        Agency = "池州市贵池区秋浦街道办事处",
        OpenedOn = new DateOnly(2025, 3, 1),
    };

    public static byte[] Pdf(string title, int pages = 1)
    {
        var b = new PdfDocumentBuilder(new PdfMetadata(title, Created: new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8))));
        for (int i = 0; i < pages; i++)
        {
            var page = b.AddPage(595.28f, 841.89f);
            page.DrawText($"{title} 第{i + 1}页", 72, 100, FontFamilyKind.Serif, false, 14);
            page.DrawLine(72, 110, 520, 110, 0.5f);
        }
        return b.ToArray();
    }

    public static DocumentUpload PdfUpload(string title, int pages = 1) => new()
    {
        Title = title,
        ResponsibleParty = "秋浦街道办事处",
        Date = new DateOnly(2025, 3, 2),
        FileName = title + ".pdf",
        MediaType = "application/pdf",
        Content = Pdf(title, pages),
    };

    /// <summary>A valid 2×3 grayscale PNG.</summary>
    public static byte[] Png()
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(ms, "IHDR", [0, 0, 0, 2, 0, 0, 0, 3, 8, 0, 0, 0, 0]);
        var raw = new byte[] { 0, 10, 20, 0, 30, 40, 0, 50, 60 };
        using var z = new MemoryStream();
        using (var zl = new System.IO.Compression.ZLibStream(z, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) zl.Write(raw);
        Chunk(ms, "IDAT", z.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var td = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(td);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32(td));
        s.Write(crc);
    }

    public static DocumentUpload PngUpload(string title) => new()
    {
        Title = title, ResponsibleParty = "申请人", Date = new DateOnly(2025, 3, 2),
        FileName = title + ".png", MediaType = "image/png", Content = Png(),
    };
}
