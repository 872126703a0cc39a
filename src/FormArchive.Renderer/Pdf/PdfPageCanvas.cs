using System.Text;
using FormArchive.Renderer.Model;

namespace FormArchive.Renderer.Pdf;

/// <summary>
/// Drawing surface of one page. Coordinates are points with the origin at the TOP-LEFT, y growing downward;
/// they are flipped to PDF's bottom-left space here. Text is recorded as glyph runs and serialized at write
/// time, because the codes (CIDs) are only known after the document's fonts are subset.
/// </summary>
public sealed partial class PdfPageCanvas
{
    private readonly PdfDocumentBuilder _doc;
    private readonly FontLibrary _fonts;
    private readonly List<object> _parts = []; // string (operators) or GlyphRun
    private readonly StringBuilder _ops = new();

    internal PdfPageCanvas(PdfDocumentBuilder doc, FontLibrary fonts, float width, float height)
    {
        _doc = doc;
        _fonts = fonts;
        Width = width;
        Height = height;
    }

    public float Width { get; }
    public float Height { get; }
    internal HashSet<EmbeddedFont> FontsUsed { get; } = [];

    internal sealed record GlyphRun(EmbeddedFont Font, ushort[] Glyphs);

    /// <summary>Stroke width of synthesized bold, in ems.</summary>
    private const float SyntheticBoldStrokeEm = 1f / 30f;

    public void DrawText(string text, float x, float baselineY, FontFamilyKind family, bool bold, float sizePt)
    {
        if (string.IsNullOrEmpty(text)) return;
        var synthetic = FontLibrary.IsSynthesizedBold(family, bold);
        // Fill and stroke (2 Tr) with a line of 1/30 em: the regular outlines, emboldened.
        if (synthetic) _ops.Append("q ").AppendNum(sizePt * SyntheticBoldStrokeEm).Append(" w 2 Tr\n");
        _ops.Append("BT\n").AppendNum(x).Append(' ').AppendNum(Height - baselineY).Append(" Td\n");
        AppendGlyphs(text, family, bold, sizePt);
        _ops.Append("ET\n");
        if (synthetic) _ops.Append("Q\n");
    }

    /// <summary>
    /// Shows <paramref name="text"/> inside an open BT block: each rune resolved to a face (with fallback), a Tf
    /// wherever the font changes, glyph codes recorded for subsetting.
    /// </summary>
    private void AppendGlyphs(string text, FontFamilyKind family, bool bold, float sizePt)
    {
        EmbeddedFont? current = null;
        var glyphs = new List<ushort>(text.Length);
        foreach (Rune r in text.EnumerateRunes())
        {
            var (face, glyph) = _fonts.Resolve(r.Value, family, bold);
            var font = _doc.FontFor(face);
            if (font != current)
            {
                FlushRun(current, glyphs);
                current = font;
                FontsUsed.Add(font);
                _ops.Append('/').Append(font.ResourceName).Append(' ').AppendNum(sizePt).Append(" Tf\n");
            }
            font.Use(glyph, r.Value);
            glyphs.Add(glyph);
        }
        FlushRun(current, glyphs);
    }

    private void FlushRun(EmbeddedFont? font, List<ushort> glyphs)
    {
        if (font is null || glyphs.Count == 0) return;
        if (_ops.Length > 0) { _parts.Add(_ops.ToString()); _ops.Clear(); }
        _parts.Add(new GlyphRun(font, glyphs.ToArray()));
        glyphs.Clear();
    }

    public void DrawLine(float x1, float y1, float x2, float y2, float widthPt, bool dashed = false)
    {
        _ops.Append("q ").AppendNum(widthPt).Append(" w ");
        if (dashed) _ops.Append('[').AppendNum(Math.Max(widthPt * 3, 2)).Append(' ').AppendNum(Math.Max(widthPt * 2, 1.5)).Append("] 0 d ");
        _ops.AppendNum(x1).Append(' ').AppendNum(Height - y1).Append(" m ")
            .AppendNum(x2).Append(' ').AppendNum(Height - y2).Append(" l S Q\n");
    }

    public void StrokeRectangle(float x, float y, float width, float height, float widthPt)
    {
        _ops.Append("q ").AppendNum(widthPt).Append(" w ");
        Rect(x, y, width, height).Append(" S Q\n");
    }

    public void FillRectangle(float x, float y, float width, float height, float gray)
    {
        _ops.Append("q ").AppendNum(Math.Clamp(gray, 0f, 1f)).Append(" g ");
        Rect(x, y, width, height).Append(" f Q\n");
    }

    /// <summary>A tick drawn as a stroked polyline with round caps/joins inside the square (x, y, size, size).</summary>
    public void DrawCheckMark(float x, float y, float size, float widthPt)
    {
        _ops.Append("q ").AppendNum(widthPt).Append(" w 1 J 1 j ")
            .AppendNum(x + size * 0.20f).Append(' ').AppendNum(Height - (y + size * 0.52f)).Append(" m ")
            .AppendNum(x + size * 0.42f).Append(' ').AppendNum(Height - (y + size * 0.76f)).Append(" l ")
            .AppendNum(x + size * 0.82f).Append(' ').AppendNum(Height - (y + size * 0.22f)).Append(" l S Q\n");
    }

    private StringBuilder Rect(float x, float y, float width, float height) =>
        _ops.AppendNum(x).Append(' ').AppendNum(Height - y - height).Append(' ').AppendNum(width).Append(' ').AppendNum(height).Append(" re");

    /// <summary>
    /// Writes one run as a hex string of 2-byte codes. Unsupported characters (.notdef) are not painted but
    /// skipped with a TJ displacement of the same advance: PDF/A-2 forbids showing .notdef, and layout
    /// measured that advance, so following glyphs stay where layout put them.
    /// </summary>
    private static void AppendRun(StringBuilder sb, GlyphRun run)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (Array.IndexOf(run.Glyphs, (ushort)0) < 0)
        {
            sb.Append('<');
            foreach (ushort g in run.Glyphs) sb.Append(run.Font.CodeOf(g).ToString("X4", inv));
            sb.Append("> Tj\n");
            return;
        }
        sb.Append('[');
        bool open = false;
        foreach (ushort g in run.Glyphs)
        {
            if (g == 0)
            {
                if (open) { sb.Append('>'); open = false; }
                sb.Append(' ').AppendNum(-run.Font.Face.GetAdvanceEm(0) * 1000).Append(' ');
                continue;
            }
            if (!open) { sb.Append('<'); open = true; }
            sb.Append(run.Font.CodeOf(g).ToString("X4", inv));
        }
        if (open) sb.Append('>');
        sb.Append("] TJ\n");
    }

    /// <summary>Content stream bytes; glyph runs become hex strings of 2-byte codes (Identity-H).</summary>
    internal byte[] BuildContent()
    {
        var sb = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is string s) { sb.Append(s); continue; }
            AppendRun(sb, (GlyphRun)part);
        }
        sb.Append(_ops);
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
