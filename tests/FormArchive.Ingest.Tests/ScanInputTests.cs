using System.Buffers.Binary;
using System.IO.Compression;
using FormArchive.Ingest.Imaging;
using ImageMagick;

namespace FormArchive.Ingest.Tests;

public sealed class ScanInputTests
{
    private static byte[] CorpusJpeg() => File.ReadAllBytes(Path.Combine(CorpusFixture.Dir, "scan-0000.jpg"));

    private static string Rejection(byte[] bytes, ScanLimits? limits = null)
    {
        var result = new ScanPipeline().Process("x", bytes, new IngestOptions { Limits = limits ?? new ScanLimits() });
        Assert.True(result.IsRejected);
        Assert.Empty(result.Pages);
        return result.Rejected!;
    }

    [Fact]
    public void TypeIsSniffedFromTheBytesNotTheName()
    {
        Assert.Equal(ScanFileType.Jpeg, ScanInput.Sniff(CorpusJpeg()));
        Assert.Contains("GIF", Rejection("GIF89a\x01\x00\x01\x00"u8.ToArray()));
        Assert.Contains("not a JPEG, PNG, TIFF or PDF", Rejection("just some text pretending to be scan.jpg"u8.ToArray()));
        Assert.Contains("empty", Rejection([]));
    }

    [Fact]
    public void TruncatedJpegIsRejected()
    {
        var jpeg = CorpusJpeg();
        Assert.Contains("truncated JPEG", Rejection(jpeg[..(jpeg.Length / 2)]));
    }

    [Fact]
    public void TooManyBytesIsRejectedBeforeDecoding() =>
        Assert.Contains("file too large", Rejection(CorpusJpeg(), new ScanLimits { MaxBytes = 1000 }));

    [Fact]
    public void TooManyPixelsIsRejected() =>
        Assert.Contains("megapixels", Rejection(CorpusJpeg(), new ScanLimits { MaxPixelsPerPage = 1_000_000 }));

    [Fact]
    public void DecompressionBombIsRejectedFromItsHeader()
    {
        // A 60 KB PNG that would decode to 30000 × 30000 pixels.
        var bomb = BombPng(30000, 30000);
        Assert.True(bomb.Length < 200_000);
        var reason = Rejection(bomb);
        Assert.Contains("900 megapixels", reason);
    }

    [Fact]
    public void TooManyPagesIsRejectedAndMultiPageTiffIsRead()
    {
        using var pages = new MagickImageCollection();
        for (int i = 0; i < 3; i++) pages.Add(new MagickImage(MagickColors.White, 50, 50));
        var tiff = pages.ToByteArray(MagickFormat.Tiff);
        Assert.Contains("too many pages: 3", Rejection(tiff, new ScanLimits { MaxPages = 2 }));
        var (type, decoded) = ScanInput.Decode(tiff);
        Assert.Equal(ScanFileType.Tiff, type);
        Assert.Equal(3, decoded.Count);
        foreach (var p in decoded) p.Dispose();
    }

    private static byte[] BombPng(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 1; // bit depth 1, grey
        Chunk(ms, "IHDR", ihdr);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (width + 7) / 8];
            for (int y = 0; y < Math.Min(height, 2000); y++) z.Write(row); // enough rows to look real
        }
        Chunk(ms, "IDAT", raw.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        Span<byte> c = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(c, Crc32([.. typeBytes, .. data]));
        s.Write(c);
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
