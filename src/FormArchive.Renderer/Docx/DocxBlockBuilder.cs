using DocumentFormat.OpenXml;
using FormArchive.Renderer.Model;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FormArchive.Renderer.Docx;

/// <summary>Maps a list of blocks into a body or a table cell.</summary>
internal static class DocxBlockBuilder
{
    /// <summary>
    /// Appends <paramref name="blocks"/> to <paramref name="container"/>. <paramref name="widthTwips"/> is the width
    /// tables share (the page's content width, or a cell's width inside its padding).
    /// With <paramref name="endWithParagraph"/>, a 1 pt paragraph follows a final table, as a w:tc (and Word's body) requires.
    /// </summary>
    public static void Append(OpenXmlCompositeElement container, IReadOnlyList<Block> blocks, int widthTwips, DocxContext context, bool endWithParagraph)
    {
        var lastWasTable = false;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    container.AppendChild(DocxParagraphBuilder.Build(paragraph, context));
                    lastWasTable = false;
                    break;
                case Table table:
                    if (table.Columns.Count == 0 || table.Rows.Count == 0) break;
                    // Word joins adjacent tables into one; keep them apart with a hairline paragraph.
                    if (lastWasTable) container.AppendChild(Separator());
                    container.AppendChild(DocxTableBuilder.Build(table, widthTwips, context));
                    lastWasTable = true;
                    break;
                case Spacer spacer:
                    if (DocxParagraphBuilder.Spacer(spacer.HeightPt) is { } space)
                    {
                        container.AppendChild(space);
                        lastWasTable = false;
                    }
                    break;
                case PageBreak:
                    container.AppendChild(DocxParagraphBuilder.PageBreak());
                    lastWasTable = false;
                    break;
                case SealArea seal:
                    foreach (var p in DocxParagraphBuilder.Seal(seal)) container.AppendChild(p);
                    lastWasTable = false;
                    break;
                default:
                    throw new NotSupportedException($"DOCX writer does not support block {block.GetType().Name}.");
            }
        }
        if (!endWithParagraph) return;
        if (lastWasTable) container.AppendChild(Separator());
        else if (container.LastChild is not WParagraph) container.AppendChild(new WParagraph());
    }

    /// <summary>An empty paragraph 1 pt tall.</summary>
    private static WParagraph Separator() => DocxParagraphBuilder.Spacer(1f)!;
}
