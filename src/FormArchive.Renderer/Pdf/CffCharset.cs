using System.Buffers.Binary;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// Minimal reader of a bare CFF table: the glyph→CID charset of a CID-keyed font.
/// PDF viewers map a CIDFontType0 code (a CID) through this charset to a glyph, so after HarfBuzz
/// renumbers glyphs we read back which CID each new glyph carries instead of assuming CID == GID.
/// </summary>
internal static class CffCharset
{
    /// <summary>Returns cids[gid] for every glyph, and whether the font is CID-keyed (has ROS).</summary>
    public static (ushort[] Cids, bool IsCidKeyed) Read(ReadOnlySpan<byte> cff)
    {
        int hdrSize = cff[2];
        int pos = hdrSize;
        pos = SkipIndex(cff, pos);                                // Name INDEX
        var topDict = FirstIndexEntry(cff, pos, out pos);         // Top DICT INDEX
        int charsetOffset = 0, charStringsOffset = -1;
        bool ros = false;
        ParseDict(topDict, (op, operands) =>
        {
            if (op == 15 && operands.Count > 0) charsetOffset = (int)operands[^1];
            else if (op == 17 && operands.Count > 0) charStringsOffset = (int)operands[^1];
            else if (op == (12 << 8 | 30)) ros = true;
        });
        if (charStringsOffset < 0) throw new InvalidDataException("CFF Top DICT has no CharStrings");
        int nGlyphs = BinaryPrimitives.ReadUInt16BigEndian(cff[charStringsOffset..]);
        var cids = new ushort[nGlyphs];
        if (charsetOffset <= 2)
        {
            // Predefined charsets only occur in name-keyed fonts; treat as identity for our purpose.
            for (int i = 0; i < nGlyphs; i++) cids[i] = (ushort)i;
            return (cids, ros);
        }
        int p = charsetOffset;
        byte format = cff[p++];
        int gid = 1;
        switch (format)
        {
            case 0:
                for (; gid < nGlyphs; gid++, p += 2) cids[gid] = BinaryPrimitives.ReadUInt16BigEndian(cff[p..]);
                break;
            case 1:
            case 2:
                while (gid < nGlyphs)
                {
                    int first = BinaryPrimitives.ReadUInt16BigEndian(cff[p..]);
                    int nLeft = format == 1 ? cff[p + 2] : BinaryPrimitives.ReadUInt16BigEndian(cff[(p + 2)..]);
                    p += format == 1 ? 3 : 4;
                    for (int i = 0; i <= nLeft && gid < nGlyphs; i++) cids[gid++] = (ushort)(first + i);
                }
                break;
            default:
                throw new InvalidDataException($"Unknown CFF charset format {format}");
        }
        return (cids, ros);
    }

    private static int SkipIndex(ReadOnlySpan<byte> d, int pos)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(d[pos..]);
        if (count == 0) return pos + 2;
        int offSize = d[pos + 2];
        int offArray = pos + 3;
        int last = ReadOffset(d, offArray + count * offSize, offSize);
        return offArray + (count + 1) * offSize - 1 + last;
    }

    private static ReadOnlySpan<byte> FirstIndexEntry(ReadOnlySpan<byte> d, int pos, out int next)
    {
        int count = BinaryPrimitives.ReadUInt16BigEndian(d[pos..]);
        if (count == 0) throw new InvalidDataException("Empty CFF INDEX");
        int offSize = d[pos + 2];
        int offArray = pos + 3;
        int dataBase = offArray + (count + 1) * offSize - 1;
        int o0 = ReadOffset(d, offArray, offSize), o1 = ReadOffset(d, offArray + offSize, offSize);
        next = SkipIndex(d, pos);
        return d.Slice(dataBase + o0, o1 - o0);
    }

    private static int ReadOffset(ReadOnlySpan<byte> d, int pos, int size)
    {
        int v = 0;
        for (int i = 0; i < size; i++) v = (v << 8) | d[pos + i];
        return v;
    }

    private delegate void DictOp(int op, List<double> operands);

    private static void ParseDict(ReadOnlySpan<byte> d, DictOp onOp)
    {
        var operands = new List<double>();
        int i = 0;
        while (i < d.Length)
        {
            int b0 = d[i];
            if (b0 <= 21)
            {
                int op = b0 == 12 ? (12 << 8) | d[i + 1] : b0;
                i += b0 == 12 ? 2 : 1;
                onOp(op, operands);
                operands.Clear();
            }
            else if (b0 == 28) { operands.Add(BinaryPrimitives.ReadInt16BigEndian(d[(i + 1)..])); i += 3; }
            else if (b0 == 29) { operands.Add(BinaryPrimitives.ReadInt32BigEndian(d[(i + 1)..])); i += 5; }
            else if (b0 == 30)
            {
                // Real number: skip nibbles until the 0xf terminator; value is not needed here.
                i++;
                while (i < d.Length) { byte b = d[i++]; if ((b & 0x0f) == 0x0f || (b >> 4) == 0x0f) break; }
                operands.Add(0);
            }
            else if (b0 >= 32 && b0 <= 246) { operands.Add(b0 - 139); i++; }
            else if (b0 >= 247 && b0 <= 250) { operands.Add((b0 - 247) * 256 + d[i + 1] + 108); i += 2; }
            else if (b0 >= 251 && b0 <= 254) { operands.Add(-(b0 - 251) * 256 - d[i + 1] - 108); i += 2; }
            else i++; // reserved byte
        }
    }
}
