using System.Text.RegularExpressions;
using FormArchive.Renderer.Model;

namespace FormArchive.Tests.Docx.LibreOffice;

/// <summary>
/// The labels of a form's signature and seal blocks, read from its document model: every seal's label, every
/// phrase naming a signature, seal or thumbprint (……（签名）, ……（盖章）, 手印), and the label of each right-aligned
/// line that ends in an empty blank (申请人：____ on a pledge), and the start of the form's last paragraph.
/// </summary>
public static partial class SignatureLabels
{
    public static IReadOnlyList<string> Of(DocumentModel document)
    {
        var labels = new List<string>();
        Collect(document.Blocks, labels);
        // The start of the form's last paragraph (填表说明, a note): the last block must not be orphaned either.
        if (document.Blocks.OfType<Paragraph>().LastOrDefault() is { } last
            && last.Inlines.OfType<TextRun>().Select(t => PdfPageTexts.Squeeze(t.Text)).FirstOrDefault(t => t.Length > 0) is { } text)
            labels.Add(new string(PdfPageTexts.Squeeze(text).Take(6).ToArray()));
        return labels.Distinct().ToList();
    }

    private static void Collect(IReadOnlyList<Block> blocks, List<string> labels)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case SealArea seal:
                    labels.Add(seal.Label);
                    break;
                case Paragraph p:
                    FromParagraph(p, labels);
                    break;
                case Table t:
                    foreach (var row in t.Rows)
                        foreach (var cell in row.Cells)
                            Collect(cell.Content, labels);
                    break;
            }
        }
    }

    private static void FromParagraph(Paragraph p, List<string> labels)
    {
        for (var i = 0; i < p.Inlines.Count; i++)
        {
            if (p.Inlines[i] is not TextRun run) continue;
            foreach (Match m in Phrase().Matches(run.Text)) labels.Add(m.Value);
            var signatureLine = p.Style.Alignment == TextAlignment.Right && i + 1 < p.Inlines.Count
                && p.Inlines[i + 1] is Blank { Text: null or "" } && run.Text.TrimEnd().EndsWith('：');
            if (signatureLine) labels.Add(LastWord().Match(run.Text.TrimEnd()).Value);
        }
    }

    /// <summary>Up to six characters before （签名）/（签字）/（盖章）/（签章）, or 手印 with what names it.</summary>
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}/]{1,6}（(签名|签字|盖章|签章|签名或手印|签字或手印)）|[\p{IsCJKUnifiedIdeographs}]{0,4}手印")]
    private static partial Regex Phrase();

    [GeneratedRegex(@"[^\s\u3000]+$")]
    private static partial Regex LastWord();
}
