using System.Buffers.Binary;
using System.Text;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// A minimal ICC v2 monochrome display profile (D50 white, gamma 2.2), generated in code because Debian ships
/// no ICC files without extra packages. PDF/A only permits DeviceGray when an OutputIntent carries a profile.
/// </summary>
internal static class GrayIccProfile
{
    private static readonly Lazy<byte[]> s_bytes = new(Build);
    public static byte[] Bytes => s_bytes.Value;
    public const string Description = "FormArchive Gray Gamma 2.2";

    private static byte[] Build()
    {
        var tags = new List<(string Sig, byte[] Data)>
        {
            ("desc", Desc(Description)),
            ("cprt", Text("No copyright, use freely")),
            ("wtpt", Xyz(0.9642, 1.0, 0.8249)),
            ("kTRC", Curve(2.2)),
        };
        int headerAndTable = 128 + 4 + tags.Count * 12;
        var offsets = new List<int>();
        int pos = Align(headerAndTable);
        foreach (var t in tags) { offsets.Add(pos); pos = Align(pos + t.Data.Length); }
        var p = new byte[pos];
        var s = p.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(s[0..], (uint)p.Length);
        BinaryPrimitives.WriteUInt32BigEndian(s[8..], 0x02100000);  // version 2.1
        Ascii(s[12..], "mntr");
        Ascii(s[16..], "GRAY");
        Ascii(s[20..], "XYZ ");
        // Fixed creation date keeps output deterministic: 2024-01-01 00:00:00.
        BinaryPrimitives.WriteUInt16BigEndian(s[24..], 2024);
        BinaryPrimitives.WriteUInt16BigEndian(s[26..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(s[28..], 1);
        Ascii(s[36..], "acsp");
        BinaryPrimitives.WriteUInt32BigEndian(s[64..], 0);            // perceptual
        WriteXyzNumbers(s[68..], 0.9642, 1.0, 0.8249);                 // PCS illuminant D50
        BinaryPrimitives.WriteUInt32BigEndian(s[128..], (uint)tags.Count);
        for (int i = 0; i < tags.Count; i++)
        {
            int e = 132 + i * 12;
            Ascii(s[e..], tags[i].Sig);
            BinaryPrimitives.WriteUInt32BigEndian(s[(e + 4)..], (uint)offsets[i]);
            BinaryPrimitives.WriteUInt32BigEndian(s[(e + 8)..], (uint)tags[i].Data.Length);
            tags[i].Data.CopyTo(s[offsets[i]..]);
        }
        return p;
    }

    private static int Align(int n) => (n + 3) & ~3;
    private static void Ascii(Span<byte> d, string s) => Encoding.ASCII.GetBytes(s, d);

    private static byte[] Desc(string text)
    {
        // textDescriptionType: ASCII part, empty Unicode part, empty ScriptCode part (67 bytes).
        var d = new byte[12 + text.Length + 1 + 4 + 4 + 2 + 1 + 67];
        Ascii(d, "desc");
        BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(8), (uint)(text.Length + 1));
        Ascii(d.AsSpan(12), text);
        return d;
    }

    private static byte[] Text(string text)
    {
        var d = new byte[8 + text.Length + 1];
        Ascii(d, "text");
        Ascii(d.AsSpan(8), text);
        return d;
    }

    private static byte[] Xyz(double x, double y, double z)
    {
        var d = new byte[20];
        Ascii(d, "XYZ ");
        WriteXyzNumbers(d.AsSpan(8), x, y, z);
        return d;
    }

    private static void WriteXyzNumbers(Span<byte> d, double x, double y, double z)
    {
        BinaryPrimitives.WriteInt32BigEndian(d, (int)Math.Round(x * 65536));
        BinaryPrimitives.WriteInt32BigEndian(d[4..], (int)Math.Round(y * 65536));
        BinaryPrimitives.WriteInt32BigEndian(d[8..], (int)Math.Round(z * 65536));
    }

    private static byte[] Curve(double gamma)
    {
        var d = new byte[14];
        Ascii(d, "curv");
        BinaryPrimitives.WriteUInt32BigEndian(d.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt16BigEndian(d.AsSpan(12), (ushort)Math.Round(gamma * 256)); // u8Fixed8
        return d;
    }
}
