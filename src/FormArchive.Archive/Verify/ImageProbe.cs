using System.Buffers.Binary;

namespace FormArchive.Archive.Verify;

/// <summary>
/// Minimal decodability check for scans without an imaging library: the header must parse to positive
/// dimensions and the file must end where the format says it ends (a truncated scan fails).
/// </summary>
public static class ImageProbe
{
    public static (int Width, int Height)? Png(ReadOnlySpan<byte> b)
    {
        ReadOnlySpan<byte> sig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (b.Length < 8 + 25 + 12 || !b[..8].SequenceEqual(sig) || !b.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        if (!b.Slice(b.Length - 8, 4).SequenceEqual("IEND"u8)) return null;
        int w = BinaryPrimitives.ReadInt32BigEndian(b.Slice(16, 4)), h = BinaryPrimitives.ReadInt32BigEndian(b.Slice(20, 4));
        return w > 0 && h > 0 ? (w, h) : null;
    }

    public static (int Width, int Height)? Jpeg(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8 || b[^2] != 0xFF || b[^1] != 0xD9) return null;
        int i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) return null;
            byte marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }           // fill byte
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; } // no length
            int len = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 2, 2));
            bool sof = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (sof && i + 9 <= b.Length)
            {
                int h = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 5, 2)), w = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 7, 2));
                return w > 0 && h > 0 ? (w, h) : null;
            }
            if (marker == 0xDA) return null; // scan data before any frame header
            i += 2 + len;
        }
        return null;
    }
}
