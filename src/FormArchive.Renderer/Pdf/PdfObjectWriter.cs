using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// Serializes indirect objects to a stream and keeps the byte offsets for the cross-reference table.
/// Object numbers are allocated up front so objects can reference each other in any order.
/// </summary>
internal sealed class PdfObjectWriter
{
    private readonly Stream _out;
    private readonly List<long> _offsets = [0]; // index 0 is the free-list head
    private readonly long _start;

    public PdfObjectWriter(Stream output)
    {
        _out = output;
        _start = output.Position;
        // A comment with high bytes tells transfer tools the file is binary (PDF/A requires it).
        WriteRaw("%PDF-1.7\n");
        _out.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    public int Allocate()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    public void WriteObject(int number, string body)
    {
        BeginObject(number);
        WriteRaw(body);
        WriteRaw("\nendobj\n");
    }

    /// <summary>Writes a stream object; <paramref name="dictEntries"/> excludes /Length and /Filter.</summary>
    public void WriteStream(int number, string dictEntries, ReadOnlySpan<byte> data, bool compress = true)
    {
        byte[]? packed = compress ? Deflate(data) : null;
        ReadOnlySpan<byte> payload = packed ?? data;
        BeginObject(number);
        WriteRaw("<<");
        WriteRaw(dictEntries);
        WriteRaw(compress ? " /Filter /FlateDecode" : "");
        WriteRaw(" /Length ");
        WriteRaw(payload.Length.ToString(CultureInfo.InvariantCulture));
        WriteRaw(">>\nstream\n");
        _out.Write(payload);
        WriteRaw("\nendstream\nendobj\n");
    }

    /// <summary>Writes a stream whose payload is already Flate-compressed (cached font programs).</summary>
    public void WriteDeflatedStream(int number, string dictEntries, ReadOnlySpan<byte> deflated)
    {
        BeginObject(number);
        WriteRaw("<<");
        WriteRaw(dictEntries);
        WriteRaw(" /Filter /FlateDecode /Length ");
        WriteRaw(deflated.Length.ToString(CultureInfo.InvariantCulture));
        WriteRaw(">>\nstream\n");
        _out.Write(deflated);
        WriteRaw("\nendstream\nendobj\n");
    }

    /// <summary>Writes xref, trailer and %%EOF. Every allocated object must have been written.</summary>
    public void Finish(int root, int info, byte[] id)
    {
        for (int i = 1; i < _offsets.Count; i++)
            if (_offsets[i] < 0) throw new InvalidOperationException($"PDF object {i} was allocated but never written");
        long xref = _out.Position - _start;
        var sb = new StringBuilder();
        sb.Append("xref\n0 ").Append(_offsets.Count).Append('\n');
        sb.Append("0000000000 65535 f \n");
        for (int i = 1; i < _offsets.Count; i++) sb.Append(_offsets[i].ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        string hexId = Convert.ToHexString(id);
        sb.Append("trailer\n<< /Size ").Append(_offsets.Count)
          .Append(" /Root ").Append(root).Append(" 0 R /Info ").Append(info).Append(" 0 R")
          .Append(" /ID [<").Append(hexId).Append("> <").Append(hexId).Append(">] >>\n")
          .Append("startxref\n").Append(xref).Append("\n%%EOF\n");
        WriteRaw(sb.ToString());
    }

    private void BeginObject(int number)
    {
        if (_offsets[number] >= 0) throw new InvalidOperationException($"PDF object {number} written twice");
        _offsets[number] = _out.Position - _start;
        WriteRaw(number.ToString(CultureInfo.InvariantCulture));
        WriteRaw(" 0 obj\n");
    }

    private void WriteRaw(string s)
    {
        Span<byte> buf = s.Length <= 512 ? stackalloc byte[s.Length] : new byte[s.Length];
        int n = Encoding.Latin1.GetBytes(s, buf);
        _out.Write(buf[..n]);
    }

    internal static byte[] Deflate(ReadOnlySpan<byte> data, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var ms = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(ms, level, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }
}

/// <summary>Formatting helpers for PDF syntax tokens.</summary>
internal static class PdfSyntax
{
    /// <summary>Compact number: up to 3 decimals, invariant culture, never exponent notation.</summary>
    public static string Num(double v)
    {
        double r = Math.Round(v, 3);
        if (r == 0) return "0";
        return r.ToString("0.###", CultureInfo.InvariantCulture);
    }

    public static StringBuilder AppendNum(this StringBuilder sb, double v) => sb.Append(Num(v));

    /// <summary>Text string (PDF §7.9.2.2) as UTF-16BE with BOM in hex form: no escaping pitfalls, any script.</summary>
    public static string TextString(string s)
    {
        var sb = new StringBuilder(4 + s.Length * 4);
        sb.Append("<FEFF");
        foreach (char c in s) sb.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        return sb.Append('>').ToString();
    }

    /// <summary>PDF date: D:YYYYMMDDHHmmSS+HH'mm'.</summary>
    public static string Date(DateTimeOffset d)
    {
        var off = d.Offset;
        char sign = off < TimeSpan.Zero ? '-' : '+';
        off = off.Duration();
        return "(D:" + d.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + sign
            + off.Hours.ToString("D2", CultureInfo.InvariantCulture) + "'" + off.Minutes.ToString("D2", CultureInfo.InvariantCulture) + "')";
    }
}
