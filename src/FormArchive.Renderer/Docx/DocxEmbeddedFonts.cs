using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Renderer.Docx;

/// <summary>
/// Subsets of Noto Serif CJK SC and Noto Sans CJK SC embedded under the names 宋体 and 黑体 (w:embedRegular,
/// obfuscated as ECMA-376 §17.8.1 requires). Word on Windows finds SimSun/SimHei anyway; LibreOffice on a machine
/// without them registers the embedded font under the document's name and draws a CJK serif where it used to fall
/// back to a sans face. Only the characters the document uses are embedded.
/// </summary>
internal static class DocxEmbeddedFonts
{
    /// <summary>One embedded face: the font table name it stands for and its obfuscated bytes and key.</summary>
    public sealed record Embedded(string Name, byte[] Obfuscated, string FontKey);

    /// <summary>The faces to embed for <paramref name="document"/>: serif always when it has serif text, sans likewise.</summary>
    public static IReadOnlyList<Embedded> For(DocumentModel document, FontLibrary fonts)
    {
        var serif = new HashSet<int>();
        var sans = new HashSet<int>();
        foreach (var (text, family) in Texts(document.Blocks))
        {
            var set = family == FontFamilyKind.Sans ? sans : serif;
            foreach (var rune in text.EnumerateRunes()) set.Add(rune.Value);
        }
        var result = new List<Embedded>(2);
        if (serif.Count > 0) result.Add(Embed(DocxFonts.SerifEastAsia, OpenTypeSubsetter.Subset(fonts.Get(FontFamilyKind.Serif, false), serif)));
        if (sans.Count > 0) result.Add(Embed(DocxFonts.SansEastAsia, OpenTypeSubsetter.Subset(fonts.Get(FontFamilyKind.Sans, false), sans)));
        return result;
    }

    /// <summary>Adds the font parts to the font table part; returns the relationship id of each by name.</summary>
    public static Dictionary<string, (string RelationshipId, string FontKey)> AddParts(FontTablePart table, IReadOnlyList<Embedded> fonts)
    {
        var ids = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var font in fonts)
        {
            var part = table.AddFontPart(FontPartType.FontOdttf);
            using (var stream = new MemoryStream(font.Obfuscated, writable: false)) part.FeedData(stream);
            ids[font.Name] = (table.GetIdOfPart(part), font.FontKey);
        }
        return ids;
    }

    private static Embedded Embed(string name, byte[] font)
    {
        // A key derived from the bytes keeps the package deterministic for a given document.
        var hash = SHA256.HashData(font);
        var key = new Guid(hash.AsSpan(0, 16)).ToString("B").ToUpperInvariant();
        return new Embedded(name, Obfuscate(font, key), key);
    }

    /// <summary>
    /// ECMA-376 Part 1 §17.8.1: the first 32 bytes XORed with the key, the GUID's 16 bytes taken in reverse order of
    /// its hex digits. The same operation undoes it.
    /// </summary>
    public static byte[] Obfuscate(byte[] font, string fontKey)
    {
        var hex = fontKey.Trim('{', '}').Replace("-", "", StringComparison.Ordinal);
        var key = Convert.FromHexString(hex);
        Array.Reverse(key);
        var result = (byte[])font.Clone();
        for (var i = 0; i < 32 && i < result.Length; i++) result[i] ^= key[i % 16];
        return result;
    }

    /// <summary>Every piece of text the DOCX prints, with the family it is set in (blanks' padding included).</summary>
    private static IEnumerable<(string Text, FontFamilyKind Family)> Texts(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    foreach (var inline in p.Inlines)
                    {
                        switch (inline)
                        {
                            case TextRun t: yield return (t.Text, t.Style.Family); break;
                            case Blank b: yield return ((b.Text ?? "") + "\u00A0", b.Style.Family); break;
                        }
                    }
                    break;
                case Table t:
                    foreach (var row in t.Rows)
                        foreach (var cell in row.Cells)
                            foreach (var inner in Texts(cell.Content))
                                yield return inner;
                    break;
                case SealArea s:
                    foreach (var line in s.Lines) yield return (line, s.Style.Family);
                    break;
            }
        }
    }
}
