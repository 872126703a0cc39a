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
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            switch (block)
            {
                case Paragraph paragraph:
                    foreach (var p in DocxParagraphBuilder.Build(paragraph, widthTwips / 20f, context,
                        inCell: container is DocumentFormat.OpenXml.Wordprocessing.TableCell)) container.AppendChild(p);
                    lastWasTable = false;
                    break;
                case Table table:
                    if (table.Columns.Count == 0 || table.Rows.Count == 0) break;
                    // Tables that follow each other become one w:tbl where they can (one rule between them, as in
                    // the PDF); otherwise Word would join them, so a hairline paragraph keeps them apart.
                    var run = new List<Table> { table };
                    while (i + 1 < blocks.Count && blocks[i + 1] is Table next && next.Columns.Count > 0 && next.Rows.Count > 0
                           && DocxTableBuilder.CanJoin(run[^1], next, widthTwips))
                    {
                        run.Add(next);
                        i++;
                    }
                    if (lastWasTable) container.AppendChild(Separator());
                    container.AppendChild(DocxTableBuilder.Build(run, widthTwips, context));
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

    /// <summary>
    /// An empty paragraph 0.1 pt tall: enough to keep two tables apart, thin enough that their borders print as one
    /// rule and the page's height is not eaten (the PDF stacks the tables directly).
    /// </summary>
    private static WParagraph Separator() => DocxParagraphBuilder.Spacer(0.1f)!;
}
