using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Archive;

/// <summary>
/// Small helpers for the archive's own pages (report, cover, 卷内目录) on our PDF writer: A4 and a width
/// estimate good enough for wrapping (CJK full width, ASCII half), since these pages have no layout engine.
/// </summary>
internal static class PdfText
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f, Margin = 56f;

    public static float Width(string text, float size) => text.Sum(c => c < 0x2E80 ? 0.55f : 1f) * size;

    /// <summary>Cuts <paramref name="text"/> into lines no wider than <paramref name="max"/> points.</summary>
    public static IEnumerable<string> Wrap(string text, float size, float max)
    {
        var line = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            if (line.Length > 0 && Width(line.ToString() + c, size) > max)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(c);
        }
        if (line.Length > 0 || text.Length == 0) yield return line.ToString();
    }

    /// <summary>Text centred on the page.</summary>
    public static void Centered(PdfPageCanvas page, string text, float baseline, float size, bool bold = false) =>
        page.DrawText(text, (page.Width - Width(text, size)) / 2, baseline, FontFamilyKind.Serif, bold, size);
}
