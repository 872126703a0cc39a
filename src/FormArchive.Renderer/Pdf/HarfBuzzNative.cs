using System.Runtime.InteropServices;

namespace FormArchive.Renderer.Pdf;

/// <summary>P/Invoke surface for the system HarfBuzz (6.x) and its subsetter. Only what the PDF writer needs.</summary>
internal static unsafe partial class HarfBuzzNative
{
    private const string Hb = "libharfbuzz.so.0";
    private const string HbSubset = "libharfbuzz-subset.so.0";

    // hb_subset_flags_t
    public const uint SubsetFlagsNoHinting = 0x1;
    public const uint SubsetFlagsRetainGids = 0x2;
    public const uint SubsetFlagsDesubroutinize = 0x4;

    // hb_subset_sets_t
    public const int SubsetSetsDropTableTag = 3;

    // hb_ot_metrics_tag_t values are OpenType-style tags.
    public static readonly uint MetricsAscender = Tag("hasc");
    public static readonly uint MetricsDescender = Tag("hdsc");
    public static readonly uint MetricsCapHeight = Tag("cpht");
    public static readonly uint MetricsXHeight = Tag("xhgt");

    public static uint Tag(string s) => ((uint)s[0] << 24) | ((uint)s[1] << 16) | ((uint)s[2] << 8) | s[3];

    [LibraryImport(Hb, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr hb_blob_create_from_file_or_fail(string fileName);
    [LibraryImport(Hb)] public static partial void hb_blob_destroy(IntPtr blob);
    [LibraryImport(Hb)] public static partial byte* hb_blob_get_data(IntPtr blob, out uint length);
    [LibraryImport(Hb)] public static partial uint hb_blob_get_length(IntPtr blob);

    [LibraryImport(Hb)] public static partial uint hb_face_count(IntPtr blob);
    [LibraryImport(Hb)] public static partial IntPtr hb_face_create(IntPtr blob, uint index);
    [LibraryImport(Hb)] public static partial void hb_face_destroy(IntPtr face);
    [LibraryImport(Hb)] public static partial void hb_face_make_immutable(IntPtr face);
    [LibraryImport(Hb)] public static partial uint hb_face_get_upem(IntPtr face);
    [LibraryImport(Hb)] public static partial uint hb_face_get_glyph_count(IntPtr face);
    [LibraryImport(Hb)] public static partial IntPtr hb_face_reference_table(IntPtr face, uint tag);
    [LibraryImport(Hb)] public static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Hb)] public static partial IntPtr hb_font_create(IntPtr face);
    [LibraryImport(Hb)] public static partial void hb_font_destroy(IntPtr font);
    [LibraryImport(Hb)] public static partial void hb_font_make_immutable(IntPtr font);
    [LibraryImport(Hb)] public static partial int hb_font_get_nominal_glyph(IntPtr font, uint unicode, out uint glyph);
    [LibraryImport(Hb)] public static partial int hb_font_get_glyph_h_advance(IntPtr font, uint glyph);

    [LibraryImport(Hb)] public static partial int hb_ot_metrics_get_position(IntPtr font, uint metricsTag, out int position);
    [LibraryImport(Hb)] public static partial uint hb_ot_name_get_utf8(IntPtr face, uint nameId, IntPtr language, ref uint textSize, byte* text);

    [LibraryImport(Hb)] public static partial void hb_set_add(IntPtr set, uint codepoint);
    [LibraryImport(Hb)] public static partial void hb_set_clear(IntPtr set);
    [LibraryImport(Hb)] public static partial uint hb_map_get(IntPtr map, uint key);

    [LibraryImport(HbSubset)] public static partial IntPtr hb_subset_preprocess(IntPtr face);
    [LibraryImport(HbSubset)] public static partial IntPtr hb_subset_input_create_or_fail();
    [LibraryImport(HbSubset)] public static partial void hb_subset_input_destroy(IntPtr input);
    [LibraryImport(HbSubset)] public static partial IntPtr hb_subset_input_glyph_set(IntPtr input);
    [LibraryImport(HbSubset)] public static partial IntPtr hb_subset_input_unicode_set(IntPtr input);
    [LibraryImport(HbSubset)] public static partial IntPtr hb_subset_input_set(IntPtr input, int setType);
    [LibraryImport(HbSubset)] public static partial void hb_subset_input_set_flags(IntPtr input, uint flags);
    [LibraryImport(HbSubset)] public static partial IntPtr hb_subset_plan_create_or_fail(IntPtr face, IntPtr input);
    [LibraryImport(HbSubset)] public static partial void hb_subset_plan_destroy(IntPtr plan);
    [LibraryImport(HbSubset)] public static partial IntPtr hb_subset_plan_old_to_new_glyph_mapping(IntPtr plan);
    [LibraryImport(HbSubset)] public static partial IntPtr hb_subset_plan_execute_or_fail(IntPtr plan);

    public const uint MapValueInvalid = uint.MaxValue;
}

/// <summary>Owns one hb_blob_t reference.</summary>
internal sealed class HbBlobHandle : SafeHandle
{
    public HbBlobHandle() : base(IntPtr.Zero, true) { }
    public HbBlobHandle(IntPtr p) : base(IntPtr.Zero, true) => SetHandle(p);
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { HarfBuzzNative.hb_blob_destroy(handle); return true; }

    /// <summary>Copies the blob's bytes into managed memory (HarfBuzz owns the native buffer).</summary>
    public unsafe byte[] ToArray()
    {
        byte* p = HarfBuzzNative.hb_blob_get_data(handle, out uint len);
        return len == 0 || p == null ? [] : new ReadOnlySpan<byte>(p, (int)len).ToArray();
    }
}

/// <summary>Owns one hb_face_t reference.</summary>
internal sealed class HbFaceHandle : SafeHandle
{
    public HbFaceHandle(IntPtr p) : base(IntPtr.Zero, true) => SetHandle(p);
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { HarfBuzzNative.hb_face_destroy(handle); return true; }
}

/// <summary>Owns one hb_font_t reference.</summary>
internal sealed class HbFontHandle : SafeHandle
{
    public HbFontHandle(IntPtr p) : base(IntPtr.Zero, true) => SetHandle(p);
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle() { HarfBuzzNative.hb_font_destroy(handle); return true; }
}
