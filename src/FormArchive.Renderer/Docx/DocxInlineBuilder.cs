using DocumentFormat.OpenXml.Wordprocessing;
using FormArchive.Renderer.Model;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FormArchive.Renderer.Docx;

/// <summary>Maps inlines to paragraph content: TextRun → w:r, Checkbox → w:sdt, Blank → underlined w:r, LineBreak → w:br.</summary>
internal static class DocxInlineBuilder
{
    public static void Append(Paragraph paragraph, IReadOnlyList<Inline> inlines, FontFamilyKind baseFamily, DocxContext context)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case TextRun text:
                    if (text.Text.Length == 0) break;
                    var run = new Run(DocxRunProperties.For(text.Style, baseFamily));
                    DocxText.AppendTo(run, text.NoWrap ? DocxText.Unbreakable(text.Text) : text.Text);
                    paragraph.AppendChild(run);
                    break;
                case Checkbox checkbox:
                    paragraph.AppendChild(DocxCheckbox.Build(checkbox, context.NextSdtId()));
                    break;
                case Blank blank:
                    foreach (var r in DocxBlank.Build(blank, baseFamily, context.Measurer)) paragraph.AppendChild(r);
                    // Office suites drop the character spacing of a line's last character, which would halve a
                    // blank that ends the line; a zero-width word joiner after it keeps the padding.
                    if (i + 1 == inlines.Count || inlines[i + 1] is LineBreak)
                        paragraph.AppendChild(new Run(DocxRunProperties.For(blank.Style with { Underline = false }, baseFamily),
                            DocxText.Text(DocxBlank.LineEndGuard)));
                    break;
                case LineBreak lineBreak:
                    paragraph.AppendChild(new Run(DocxRunProperties.For(lineBreak.Style with { Underline = false }, baseFamily), new Break()));
                    break;
                default:
                    throw new NotSupportedException($"DOCX writer does not support inline {inlines[i].GetType().Name}.");
            }
        }
    }
}
