using System.Text;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// One face as used by one document: the glyphs drawn and the text each stands for. At write time it is
/// subset once and emitted as Type0/Identity-H → CIDFontType0 → FontFile3 (/CIDFontType0C, bare CFF).
/// </summary>
internal sealed class EmbeddedFont
{
    private readonly Dictionary<ushort, string> _textByGlyph = new();
    private FontSubset? _subset;

    public EmbeddedFont(FontFace face, string resourceName)
    {
        Face = face;
        ResourceName = resourceName;
        _textByGlyph[0] = ""; // .notdef always embedded, never mapped to text
    }

    public FontFace Face { get; }
    public string ResourceName { get; }
    public int ObjectNumber { get; set; }

    /// <summary>Records a glyph and the text it represents. Several code points can share one glyph
    /// (e.g. Kangxi radical U+2F08 and U+4EBA 人); the ordinary ideograph wins so extraction stays canonical.</summary>
    public void Use(ushort glyph, int codepoint)
    {
        if (glyph == 0) return;
        string text = char.ConvertFromUtf32(codepoint);
        if (_textByGlyph.TryGetValue(glyph, out var existing) && existing.Length > 0)
        {
            if (existing == text || !IsCompatibilityForm(char.ConvertToUtf32(existing, 0))) return;
        }
        _textByGlyph[glyph] = text;
    }

    private static bool IsCompatibilityForm(int cp) =>
        cp is >= 0x2E80 and <= 0x2FDF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F or >= 0x3190 and <= 0x319F;

    public FontSubset Subset => _subset ??= FontSubsetter.Subset(Face, _textByGlyph.Keys);

    public ushort CodeOf(ushort glyph) => Subset.CodeByGlyph[glyph];

    public void Write(PdfObjectWriter w)
    {
        var subset = Subset;
        int cidFont = w.Allocate(), descriptor = w.Allocate(), fontFile = w.Allocate(), toUnicode = w.Allocate();
        string baseFont = subset.Tag + "+" + Face.PostScriptName;
        double k = 1000.0; // glyph space → PDF text space (1/1000 em)

        w.WriteObject(ObjectNumber,
            $"<< /Type /Font /Subtype /Type0 /BaseFont /{baseFont} /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");

        // Widths keyed by the code (CID) actually written to content streams, exactly the advances used for layout.
        var widths = _textByGlyph.Keys
            .Select(g => (Code: subset.CodeByGlyph[g], W: Face.GetAdvanceEm(g) * k))
            .Where(e => Math.Abs(e.W - 1000) > 0.0005)
            .OrderBy(e => e.Code).ToList();
        var wArr = new StringBuilder("[");
        for (int i = 0; i < widths.Count;)
        {
            int j = i;
            while (j + 1 < widths.Count && widths[j + 1].Code == widths[j].Code + 1) j++;
            wArr.Append(widths[i].Code).Append(" [");
            for (int m = i; m <= j; m++) { if (m > i) wArr.Append(' '); wArr.AppendNum(widths[m].W); }
            wArr.Append("] ");
            i = j + 1;
        }
        wArr.Append(']');

        w.WriteObject(cidFont,
            $"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /{baseFont} " +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
            $"/FontDescriptor {descriptor} 0 R /DW 1000 /W {wArr} >>");

        double scale = k / Face.UnitsPerEm;
        var bb = Face.BoundingBox;
        bool serif = Face.PostScriptName.Contains("Serif", StringComparison.OrdinalIgnoreCase);
        int flags = 4 | (serif ? 2 : 0); // Symbolic: glyphs outside the standard Latin set; Serif when applicable
        bool bold = Face.PostScriptName.Contains("Bold", StringComparison.OrdinalIgnoreCase);
        w.WriteObject(descriptor,
            $"<< /Type /FontDescriptor /FontName /{baseFont} /Flags {flags} " +
            $"/FontBBox [{PdfSyntax.Num(bb.XMin * scale)} {PdfSyntax.Num(bb.YMin * scale)} " +
            $"{PdfSyntax.Num(bb.XMax * scale)} {PdfSyntax.Num(bb.YMax * scale)}] " +
            $"/ItalicAngle 0 /Ascent {PdfSyntax.Num(Face.AscentEm * k)} /Descent {PdfSyntax.Num(Face.DescentEm * k)} " +
            $"/CapHeight {PdfSyntax.Num(Face.CapHeightEm * k)} /XHeight {PdfSyntax.Num(Face.XHeightEm * k)} " +
            $"/StemV {(bold ? 140 : 80)} /FontFile3 {fontFile} 0 R >>");

        w.WriteDeflatedStream(fontFile, " /Subtype /CIDFontType0C", subset.DeflatedCffProgram);

        w.WriteStream(toUnicode, "", ToUnicodeCMap.Build(
            _textByGlyph.Where(e => e.Key != 0).Select(e => KeyValuePair.Create(subset.CodeByGlyph[e.Key], e.Value))));
    }
}
