using FormArchive.Ingest.Ocr.Paddle;
using FormArchive.Ingest.Profiling;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Ingest.Reading;

/// <summary>The fields read from one document: ID numbers (confirmed), card back, person, bank card numbers, and its type.</summary>
internal sealed record DocumentFindings(ReadDocument Document, PageText Text, IReadOnlyList<(IdNumberRead Read, RecognizedLine Line)> Ids, bool HasIdLabel,
    CardBackFields? CardBack, PersonFields? Person, IReadOnlyList<string> BankNumbers, DocumentType Type, int TypeScore)
{
    public int ValidIds => Ids.Count(i => i.Read.IsValid);
    public double Score => ValidIds * 1000 + TypeScore * 15 + (Text.Lines.Count == 0 ? 0 : Text.Lines.Average(l => l.Confidence) * 100);

    public static DocumentFindings Of(ReadDocument doc, PaddleOcr ocr, IdNumberConfirmer confirmer, DocumentType? hint)
    {
        var text = new PageText(doc.Lines);
        var joined = text.Text;
        // Rows that carry an ID number label hold an ID number, not a card number (a misread one may pass Luhn).
        string ReadAgain(TextQuad quad) => ocr.ReadQuads(doc.Image, [quad])[0].Text;
        var lines = IdNumberLines.Find(text);
        lines.AddRange(CardNumberRows.Find(text, lines, ReadAgain));
        var bank = BankCardNumberLines.WithoutCutShort(
            IdNumberRules.BankCardNumbers(string.Join('\n', text.Rows().Where(r => IdNumberLines.LabelEnd(PageText.Compact(r)) < 0)))
                .Concat(BankCardNumberLines.Find(text, ReadAgain, lines.Select(l => l.Line.Quad).ToList())));
        List<(IdNumberRead, RecognizedLine)> ids;
        using (StageTimes.Time("id.confirm"))
            ids = lines.Select(l => (Read: confirmer.Confirm(doc.Image, l)!, l.Line)).Where(r => r.Read is not null)
                // A 19-digit bank card number holds 18-digit windows: those are not ID numbers.
                .Where(r => r.Item1.IsValid || !bank.Any(b => b.Contains(r.Item1.Number, StringComparison.Ordinal)))
                .GroupBy(r => r.Item1.Number).Select(g => g.OrderByDescending(r => r.Item1.IsValid).ThenByDescending(r => r.Item1.AgreeingReads).First())
                .ToList();
        bank = BankCardNumberLines.NotOnIdNumbers(bank, ids.Select(i => i.Item1.Number).Concat(lines.Select(l => l.Line.Text)));
        var (type, score) = PageClassifier.Classify(joined, ids.Any(i => i.Item1.IsValid), bank.Count > 0);
        if (type == DocumentType.BankAccount || hint == DocumentType.BankAccount) ids.RemoveAll(r => !r.Item1.IsValid);
        var back = type is DocumentType.IdCardBack || hint is DocumentType.IdCardBack || text.Contains("有效期限") ? CardBackFields.Read(text) : null;
        var person = type is DocumentType.IdCardFront or DocumentType.HukouMember ? PersonFields.Read(text) : null;
        return new DocumentFindings(doc, text, ids, lines.Any(l => l.Label is not null), back, person, bank, type, score);
    }
}
