using FormArchive.Casework.Filing;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Records;

/// <summary>The persons read on a case's (or an intake's) scanned pages, and the ID card backs that had expired.</summary>
public static class ScannedPersons
{
    public static IReadOnlyList<ScannedPerson> From(IReadOnlyList<ScannedPage> pages) =>
        pages.Where(p => p.Page.Person is not null && p.Page.Type is DocumentType.IdCardFront or DocumentType.HukouMember or DocumentType.HukouHome)
            .Select(p =>
            {
                var person = p.Page.Person!;
                // The number that the card prints: the valid one read best, else the best read at all.
                var number = p.Page.IdNumbers.OrderByDescending(i => i.IsValid).ThenByDescending(i => i.Confidence).FirstOrDefault();
                // A photocopy of both sides reads the back on the front's own page.
                var back = p.Page.CardBack ?? (p.Page.Type == DocumentType.IdCardFront ? BackOf(p, pages) : null);
                return new ScannedPerson(p.File, p.Page.Page, PageClassifier.HintName(p.Page.Type), person.Name, person.Sex, person.Ethnicity, person.BirthDate,
                    person.Address, person.Relationship, number?.Number, number?.IsValid ?? false, back?.Expired ?? false, back?.Validity ?? back?.ValidUntil);
            }).ToList();

    /// <summary>
    /// The back of a card front. A back carries no name or number, so it is tied by where it was scanned: in the
    /// front's own file, or as the file filed right after it (cards are scanned front, then back) when that file holds
    /// backs only. Either way the front's file must hold this one front, and the back be the only one: a file of
    /// several cards cannot tell which back is whose.
    /// </summary>
    private static CardBackResult? BackOf(ScannedPage front, IReadOnlyList<ScannedPage> pages)
    {
        var files = pages.GroupBy(p => p.Documents.IngestResult).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        int at = files.FindIndex(f => f[0].Documents.IngestResult == front.Documents.IngestResult);
        if (files[at].Count(p => p.Page.Type == DocumentType.IdCardFront) != 1) return null;
        var own = Backs(files[at]);
        if (own.Count > 0) return own.Count == 1 ? own[0] : null;
        var next = at + 1 < files.Count ? files[at + 1] : null;
        if (next is null || next.Any(p => p.Page.Type != DocumentType.IdCardBack)) return null;
        var following = Backs(next);
        return following.Count == 1 ? following[0] : null;
    }

    private static List<CardBackResult> Backs(IEnumerable<ScannedPage> file) =>
        file.Where(p => p.Page.Type == DocumentType.IdCardBack && p.Page.CardBack is not null).Select(p => p.Page.CardBack!).ToList();

    public static IReadOnlyList<ExpiredCard> ExpiredCards(IReadOnlyList<ScannedPage> pages)
    {
        // Whose each back is, by the same rule that flags the front's person.
        var holders = pages.Where(p => p.Page.Type == DocumentType.IdCardFront && p.Page.Person is not null)
            .Select(p => (Back: p.Page.CardBack ?? BackOf(p, pages), p.Page.Person!.Name)).Where(x => x.Back is not null).ToList();
        return pages.Where(p => p.Page.CardBack is { Expired: true })
            .Select(p => new ExpiredCard(p.File, p.Page.Page, p.Page.CardBack!.Validity, p.Page.CardBack.ValidUntil,
                holders.FirstOrDefault(h => ReferenceEquals(h.Back, p.Page.CardBack)).Name))
            .ToList();
    }
}
