using System.Buffers.Binary;
using System.IO.Compression;

namespace FormArchive.Testing;

/// <summary>
/// Decompression bombs for the upload limits: a valid PNG (real chunk CRCs, real zlib data) that is small on the
/// wire and enormous once decoded. Linked into the ingest tests and the API tests.
/// </summary>
internal static class DecompressionBomb
{
    /// <summary>A 1-bit grey PNG of width × height; <paramref name="rows"/> rows are actually compressed (all by default).</summary>
    public static byte[] Png(int width, int height, int? rows = null)
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
            var row = new byte[1 + (width + 7) / 8]; // filter byte 0, then white-or-black bits
            for (int y = 0; y < Math.Min(height, rows ?? height); y++) z.Write(row);
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
