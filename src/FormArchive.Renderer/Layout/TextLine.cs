namespace FormArchive.Renderer.Layout;

/// <summary>One line of a paragraph: its atoms (trailing spaces removed), natural width and height.</summary>
public sealed record TextLine(IReadOnlyList<InlineAtom> Atoms, float Width, float Height, float Ascent, bool EndsParagraphOrBreak, float Indent);
