using System.Diagnostics;
using static FormArchive.Renderer.Pdf.HarfBuzzNative;

namespace FormArchive.Renderer.Pdf;

/// <summary>Result of subsetting one face to a glyph set: the bare CFF program and the PDF code (CID) of each original glyph.</summary>
internal sealed class FontSubset
{
    public required byte[] CffProgram { get; init; }
    /// <summary>Original glyph id → CID to write in content streams (what the viewer maps through the subset's charset).</summary>
    public required IReadOnlyDictionary<ushort, ushort> CodeByGlyph { get; init; }
    public required string Tag { get; init; }
    private byte[]? _deflated;
    /// <summary>
    /// Compressed once and cached with the subset (deflating the CFF dominates a cache-hit render), so it affords
    /// zlib's smallest setting: slightly smaller font programs, paid once per glyph set.
    /// </summary>
    public byte[] DeflatedCffProgram => _deflated ??= PdfObjectWriter.Deflate(CffProgram,
        System.IO.Compression.CompressionLevel.SmallestSize); // benign race: same bytes
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// Subsets a face with HarfBuzz's subsetter and keeps a small bounded LRU cache keyed by (face, glyph set),
/// because the same template re-renders the same glyphs over and over.
/// </summary>
internal static class FontSubsetter
{
    private const int CacheCapacity = 64;
    private static readonly object s_lock = new();
    private static readonly LinkedList<(CacheKey Key, FontSubset Value)> s_lru = new();
    private static readonly Dictionary<CacheKey, LinkedListNode<(CacheKey Key, FontSubset Value)>> s_map = new();

    // Tables not needed inside a CIDFontType0C program; dropping GSUB/GPOS also stops HarfBuzz from
    // pulling layout-reachable alternates (vertical forms, etc.) into the subset.
    private static readonly string[] s_dropTables =
    [
        "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "name", "post",
        "OS/2", "cmap", "DSIG", "hmtx", "hhea", "kern", "meta", "STAT",
    ];

    /// <summary>No hinting + desubroutinize: the smallest Noto CJK subsets (docs/measurements.md); hints matter little at PDF zoom levels.</summary>
    internal static uint Flags { get; set; } = SubsetFlagsNoHinting | SubsetFlagsDesubroutinize;

    public static FontSubset Subset(FontFace face, IReadOnlyCollection<ushort> glyphs)
    {
        var sorted = new SortedSet<ushort>(glyphs) { 0 }.ToArray(); // .notdef is always required
        var key = new CacheKey(face, sorted);
        lock (s_lock)
        {
            if (s_map.TryGetValue(key, out var node))
            {
                s_lru.Remove(node);
                s_lru.AddFirst(node);
                return node.Value.Value;
            }
        }
        var result = SubsetUncached(face, sorted);
        lock (s_lock)
        {
            if (!s_map.ContainsKey(key))
            {
                s_map[key] = s_lru.AddFirst((key, result));
                while (s_lru.Count > CacheCapacity)
                {
                    s_map.Remove(s_lru.Last!.Value.Key);
                    s_lru.RemoveLast();
                }
            }
        }
        return result;
    }

    internal static FontSubset SubsetUncached(FontFace face, ushort[] sortedGlyphs)
    {
        if (!face.HasCff)
            throw new NotSupportedException($"{face} has no CFF outlines; only CFF-based OpenType faces are embedded.");
        IntPtr source = face.SubsetSourceFace;
        var sw = Stopwatch.StartNew();
        IntPtr input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not allocate a subset input (hb_subset_input_create_or_fail).");
        IntPtr plan = IntPtr.Zero, subsetFace = IntPtr.Zero;
        try
        {
            IntPtr glyphSet = hb_subset_input_glyph_set(input);
            foreach (ushort g in sortedGlyphs) hb_set_add(glyphSet, g);
            IntPtr drop = hb_subset_input_set(input, SubsetSetsDropTableTag);
            foreach (var t in s_dropTables) hb_set_add(drop, Tag(t));
            hb_subset_input_set_flags(input, Flags);

            plan = hb_subset_plan_create_or_fail(source, input);
            if (plan == IntPtr.Zero) throw new InvalidOperationException($"hb_subset_plan_create_or_fail failed for {face}");
            subsetFace = hb_subset_plan_execute_or_fail(plan);
            if (subsetFace == IntPtr.Zero) throw new InvalidOperationException($"hb_subset_plan_execute_or_fail failed for {face}");

            byte[] cff;
            using (var cffBlob = new HbBlobHandle(hb_face_reference_table(subsetFace, Tag("CFF "))))
                cff = cffBlob.ToArray();
            if (cff.Length == 0) throw new InvalidOperationException($"Subset of {face} has no CFF table");

            // Viewers look CIDs up through the subset's charset, so the content code is the CID the
            // new glyph carries there, not its new glyph index.
            var (cids, _) = CffCharset.Read(cff);
            IntPtr oldToNew = hb_subset_plan_old_to_new_glyph_mapping(plan);
            var codes = new Dictionary<ushort, ushort>(sortedGlyphs.Length);
            foreach (ushort g in sortedGlyphs)
            {
                uint n = hb_map_get(oldToNew, g);
                if (n == MapValueInvalid || n >= cids.Length)
                    throw new InvalidOperationException($"Glyph {g} of {face} missing from its subset");
                codes[g] = cids[n];
            }
            sw.Stop();
            return new FontSubset { CffProgram = cff, CodeByGlyph = codes, Tag = MakeTag(sortedGlyphs), Elapsed = sw.Elapsed };
        }
        finally
        {
            if (subsetFace != IntPtr.Zero) hb_face_destroy(subsetFace);
            if (plan != IntPtr.Zero) hb_subset_plan_destroy(plan);
            hb_subset_input_destroy(input);
        }
    }

    /// <summary>Six uppercase letters derived from the glyph set (PDF §9.6.4 subset tag).</summary>
    internal static string MakeTag(ushort[] sortedGlyphs)
    {
        ulong h = 14695981039346656037UL; // FNV-1a
        foreach (ushort g in sortedGlyphs) { h = (h ^ (byte)g) * 1099511628211UL; h = (h ^ (byte)(g >> 8)) * 1099511628211UL; }
        Span<char> tag = stackalloc char[6];
        for (int i = 0; i < 6; i++) { tag[i] = (char)('A' + (int)(h % 26)); h /= 26; }
        return new string(tag);
    }

    private readonly struct CacheKey : IEquatable<CacheKey>
    {
        private readonly FontFace _face;
        private readonly ushort[] _glyphs;
        private readonly int _hash;

        public CacheKey(FontFace face, ushort[] glyphs)
        {
            _face = face;
            _glyphs = glyphs;
            var hc = new HashCode();
            hc.Add(face);
            hc.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(glyphs.AsSpan()));
            _hash = hc.ToHashCode();
        }

        public bool Equals(CacheKey other) => ReferenceEquals(_face, other._face) && _glyphs.AsSpan().SequenceEqual(other._glyphs);
        public override bool Equals(object? obj) => obj is CacheKey k && Equals(k);
        public override int GetHashCode() => _hash;
    }
}
