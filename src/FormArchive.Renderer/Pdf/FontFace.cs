using System.Buffers.Binary;
using System.Text;
using static FormArchive.Renderer.Pdf.HarfBuzzNative;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// One face of an OpenType/TTC font file, loaded through HarfBuzz. Metrics are thread-safe reads:
/// advances are precomputed into a managed array so hot measuring loops never cross into native code.
/// </summary>
public sealed class FontFace : IDisposable
{
    private readonly HbBlobHandle _blob;
    private readonly HbFaceHandle _face;
    private readonly HbFontHandle _font;
    private readonly float[] _advanceEm;

    private FontFace(string path, int faceIndex, HbBlobHandle blob, HbFaceHandle face, HbFontHandle font)
    {
        Path = path;
        FaceIndex = faceIndex;
        _blob = blob;
        _face = face;
        _font = font;
        IntPtr f = font.DangerousGetHandle();
        IntPtr fc = face.DangerousGetHandle();

        UnitsPerEm = (int)hb_face_get_upem(fc);
        GlyphCount = (int)hb_face_get_glyph_count(fc);
        float upem = UnitsPerEm;

        // Default font scale is upem, so metrics come back in font units.
        AscentEm = hb_ot_metrics_get_position(f, MetricsAscender, out int asc) != 0 ? asc / upem : 0.88f;
        DescentEm = hb_ot_metrics_get_position(f, MetricsDescender, out int desc) != 0 ? desc / upem : -0.12f;
        if (DescentEm > 0) DescentEm = -DescentEm;
        CapHeightEm = hb_ot_metrics_get_position(f, MetricsCapHeight, out int cap) != 0 && cap > 0 ? cap / upem : 0.733f;
        XHeightEm = hb_ot_metrics_get_position(f, MetricsXHeight, out int xh) != 0 && xh > 0 ? xh / upem : 0.543f;

        PostScriptName = Sanitize(ReadName(fc, 6) ?? System.IO.Path.GetFileNameWithoutExtension(path) + "-" + faceIndex);
        BoundingBox = ReadHeadBBox(fc);

        _advanceEm = new float[GlyphCount];
        for (uint g = 0; g < (uint)GlyphCount; g++)
            _advanceEm[g] = hb_font_get_glyph_h_advance(f, g) / upem;

        HasCff = HasTable(fc, "CFF ");
    }

    public static FontFace Load(string path, int faceIndex)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Font file not found: {path}", path);
        var blob = new HbBlobHandle(hb_blob_create_from_file_or_fail(path));
        if (blob.IsInvalid) throw new IOException($"HarfBuzz could not read font file {path}");
        HbFaceHandle? face = null;
        HbFontHandle? font = null;
        try
        {
            uint count = hb_face_count(blob.DangerousGetHandle());
            if (faceIndex < 0 || (uint)faceIndex >= Math.Max(count, 1u))
                throw new ArgumentOutOfRangeException(nameof(faceIndex), $"{path} has {count} face(s); index {faceIndex} requested");
            face = new HbFaceHandle(hb_face_create(blob.DangerousGetHandle(), (uint)faceIndex));
            if (hb_face_get_glyph_count(face.DangerousGetHandle()) == 0)
                throw new IOException($"{path} face {faceIndex} has no glyphs (not an OpenType font?)");
            hb_face_make_immutable(face.DangerousGetHandle());
            font = new HbFontHandle(hb_font_create(face.DangerousGetHandle()));
            hb_font_make_immutable(font.DangerousGetHandle());
            return new FontFace(path, faceIndex, blob, face, font);
        }
        catch
        {
            font?.Dispose();
            face?.Dispose();
            blob.Dispose();
            throw;
        }
    }

    public string Path { get; }
    public int FaceIndex { get; }
    public string PostScriptName { get; }
    public int UnitsPerEm { get; }
    public int GlyphCount { get; }
    /// <summary>Positive, fraction of the em.</summary>
    public float AscentEm { get; }
    /// <summary>Negative, fraction of the em.</summary>
    public float DescentEm { get; }
    internal float CapHeightEm { get; }
    internal float XHeightEm { get; }
    /// <summary>head.xMin/yMin/xMax/yMax in font units.</summary>
    internal (short XMin, short YMin, short XMax, short YMax) BoundingBox { get; }
    internal bool HasCff { get; }

    public bool TryGetGlyph(int codepoint, out ushort glyphId)
    {
        if (codepoint >= 0 && hb_font_get_nominal_glyph(_font.DangerousGetHandle(), (uint)codepoint, out uint g) != 0 && g != 0 && g <= ushort.MaxValue)
        {
            glyphId = (ushort)g;
            return true;
        }
        glyphId = 0;
        return false;
    }

    public float GetAdvanceEm(ushort glyphId) => glyphId < _advanceEm.Length ? _advanceEm[glyphId] : 0f;

    /// <summary>
    /// Face to hand to the subsetter. Deliberately not hb_subset_preprocess'd: preprocessing a CJK face costs far more
    /// than it saves per subset, and the subset cache already absorbs repeats (docs/measurements.md).
    /// </summary>
    internal IntPtr SubsetSourceFace => _face.DangerousGetHandle();

    public void Dispose()
    {
        _font.Dispose();
        _face.Dispose();
        _blob.Dispose();
    }

    public override string ToString() => $"{PostScriptName} ({System.IO.Path.GetFileName(Path)}#{FaceIndex})";

    private static unsafe string? ReadName(IntPtr face, uint nameId)
    {
        uint size = 0;
        uint len = hb_ot_name_get_utf8(face, nameId, IntPtr.Zero, ref size, null);
        if (len == 0) return null;
        size = len + 1;
        var buf = new byte[size];
        fixed (byte* p = buf) hb_ot_name_get_utf8(face, nameId, IntPtr.Zero, ref size, p);
        return Encoding.UTF8.GetString(buf, 0, (int)size);
    }

    /// <summary>PDF names must avoid delimiters and whitespace; keep printable ASCII letters/digits and '-'.</summary>
    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.') sb.Append(c);
        return sb.Length == 0 ? "Font" : sb.ToString();
    }

    private static (short, short, short, short) ReadHeadBBox(IntPtr face)
    {
        using var head = new HbBlobHandle(hb_face_reference_table(face, Tag("head")));
        byte[] d = head.ToArray();
        if (d.Length < 44) return (-1000, -300, 3000, 1000);
        return (BinaryPrimitives.ReadInt16BigEndian(d.AsSpan(36)), BinaryPrimitives.ReadInt16BigEndian(d.AsSpan(38)),
                BinaryPrimitives.ReadInt16BigEndian(d.AsSpan(40)), BinaryPrimitives.ReadInt16BigEndian(d.AsSpan(42)));
    }

    private static bool HasTable(IntPtr face, string tag)
    {
        using var t = new HbBlobHandle(hb_face_reference_table(face, Tag(tag)));
        return hb_blob_get_length(t.DangerousGetHandle()) > 0;
    }
}
