using static FormArchive.Renderer.Pdf.HarfBuzzNative;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// A complete OpenType font (CFF outlines, cmap, metrics, names) cut down to given characters with HarfBuzz, for
/// embedding in a DOCX: office suites that lack 宋体/黑体 (LibreOffice on Linux) then draw the document's text with
/// the same Noto CJK SC faces the PDF embeds, instead of falling back to a sans face. Small LRU cache, like the PDF's.
/// </summary>
internal static class OpenTypeSubsetter
{
    private const int CacheCapacity = 32;
    private static readonly object s_lock = new();
    private static readonly Dictionary<(FontFace Face, string Chars), byte[]> s_cache = [];
    private static readonly Queue<(FontFace Face, string Chars)> s_order = new();

    // Layout and vertical tables are not needed to draw horizontal text; the rest makes a loadable font.
    private static readonly string[] s_dropTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG", "DSIG", "meta", "STAT"];

    /// <summary>The font file (sfnt bytes) with exactly the glyphs for <paramref name="codepoints"/> (plus .notdef).</summary>
    public static byte[] Subset(FontFace face, IEnumerable<int> codepoints)
    {
        var sorted = codepoints.Distinct().Order().ToArray();
        var key = (face, string.Join(',', sorted));
        lock (s_lock)
            if (s_cache.TryGetValue(key, out var cached)) return cached;

        var bytes = SubsetUncached(face, sorted);
        lock (s_lock)
        {
            if (s_cache.TryAdd(key, bytes))
            {
                s_order.Enqueue(key);
                while (s_order.Count > CacheCapacity) s_cache.Remove(s_order.Dequeue());
            }
        }
        return bytes;
    }

    private static byte[] SubsetUncached(FontFace face, int[] codepoints)
    {
        IntPtr input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not allocate a subset input (hb_subset_input_create_or_fail).");
        IntPtr plan = IntPtr.Zero, subsetFace = IntPtr.Zero;
        try
        {
            IntPtr unicodes = hb_subset_input_unicode_set(input);
            foreach (var c in codepoints) hb_set_add(unicodes, (uint)c);
            IntPtr drop = hb_subset_input_set(input, SubsetSetsDropTableTag);
            foreach (var t in s_dropTables) hb_set_add(drop, Tag(t));
            // Subroutines kept: LibreOffice drew about a third of the glyphs of a desubroutinized subset with its
            // fallback face instead (seen in its PDF export); the PDF writer's bare CFF is not affected.
            hb_subset_input_set_flags(input, SubsetFlagsNoHinting);
            plan = hb_subset_plan_create_or_fail(face.SubsetSourceFace, input);
            if (plan == IntPtr.Zero) throw new InvalidOperationException($"hb_subset_plan_create_or_fail failed for {face}");
            subsetFace = hb_subset_plan_execute_or_fail(plan);
            if (subsetFace == IntPtr.Zero) throw new InvalidOperationException($"hb_subset_plan_execute_or_fail failed for {face}");
            using var blob = new HbBlobHandle(hb_face_reference_blob(subsetFace));
            var bytes = blob.ToArray();
            if (bytes.Length < 12) throw new InvalidOperationException($"Subset of {face} is empty");
            return bytes;
        }
        finally
        {
            if (subsetFace != IntPtr.Zero) hb_face_destroy(subsetFace);
            if (plan != IntPtr.Zero) hb_subset_plan_destroy(plan);
            hb_subset_input_destroy(input);
        }
    }
}
