using FormArchive.Renderer.Layout;
using FormArchive.Renderer.Markup;
using FormArchive.Renderer.Model;
using FormArchive.Renderer.Pdf;

namespace FormArchive.Tests.Layout;

/// <summary>Lays out markup with the real fonts, the way the PDF writer will draw it.</summary>
internal static class LayoutFixture
{
    public static ITextMeasurer Measurer { get; } = new FontTextMeasurer(FontLibrary.Default);

    public static IReadOnlyList<LaidOutPage> Compose(string body, string rootAttributes = "") =>
        PageComposer.Compose(MarkupParser.Parse($"<document title=\"t\"{rootAttributes}>{body}</document>"), Measurer);

    public static List<TextLine> Lines(string text, float width, TextStyle? style = null)
    {
        style ??= TextStyle.Default;
        var atoms = InlineAtomizer.Atomize([new TextRun(text, style)], Measurer, width);
        return LineBreaker.Break(atoms, width, 0f, 1.5f, Measurer, style);
    }

    public static string LineText(TextLine line) =>
        string.Concat(line.Atoms.Select(a => a switch { TextAtom t => t.Text, SpaceAtom s => s.Text, _ => "" }));

    public static string PageText(LaidOutPage page) => string.Concat(page.Texts.Select(t => t.Text));
}
