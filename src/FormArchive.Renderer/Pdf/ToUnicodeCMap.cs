using System.Globalization;
using System.Text;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// Builds the /ToUnicode CMap of a font: 2-byte codes → UTF-16BE text (non-BMP characters as surrogate pairs).
/// This is what makes copy/paste and search return the characters we drew, independent of the font's cmap.
/// </summary>
internal static class ToUnicodeCMap
{
    private const int MaxEntriesPerBlock = 100; // limit imposed by the CMap spec for bfchar blocks

    public static byte[] Build(IEnumerable<KeyValuePair<ushort, string>> map)
    {
        var entries = map.Where(e => e.Value.Length > 0).OrderBy(e => e.Key).ToList();
        var sb = new StringBuilder(256 + entries.Count * 20);
        sb.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
          .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
          .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
          .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int i = 0; i < entries.Count; i += MaxEntriesPerBlock)
        {
            int n = Math.Min(MaxEntriesPerBlock, entries.Count - i);
            sb.Append(n).Append(" beginbfchar\n");
            for (int j = i; j < i + n; j++)
            {
                sb.Append('<').Append(entries[j].Key.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (char c in entries[j].Value) sb.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                sb.Append(">\n");
            }
            sb.Append("endbfchar\n");
        }
        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
