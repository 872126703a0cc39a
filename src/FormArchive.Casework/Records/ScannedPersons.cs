using FormArchive.Archive.Cases;
using FormArchive.Casework.Filing;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Records;

/// <summary>The persons read on a case's (or an intake's) scanned pages, and the ID card backs that had expired.</summary>
public static class ScannedPersons
{
    /// <summary>The persons and expired cards on the scans filed in the volume <paramref name="m"/>, ID numbers matched against its household.</summary>
    public static async Task<(IReadOnlyList<ScannedPerson> Persons, IReadOnlyList<ExpiredCard> ExpiredCards)> OfCaseAsync(
        CaseArchive archive, CaseManifest m, CancellationToken ct = default)
    {
        var pages = await ScannedPages.ReadAsync(archive, m, await CaseHousehold.ReadAsync(archive, m, ct), ct);
        return (From(pages), ExpiredCards(pages));
    }

    public static IReadOnlyList<ScannedPerson> From(IReadOnlyList<ScannedPage> pages) =>
        pages.Where(p => p.Page.Person is not null && p.Page.Type is DocumentType.IdCardFront or DocumentType.HukouMember or DocumentType.HukouHome)
            .Select(p =>
            {
                var person = p.Page.Person!;
                // The number that the card prints: the valid one read best, else the best read at all.
                var number = p.Page.IdNumbers.OrderByDescending(i => i.IsValid).ThenByDescending(i => i.Confidence).FirstOrDefault();
                // A photocopy of both sides reads the back on the front's own page.
                var back = p.Page.CardBack ?? (p.Page.Type == DocumentType.IdCardFront ? CardBacks.BackOf(p, pages) : null);
                return new ScannedPerson(p.File, p.Page.Page, PageClassifier.HintName(p.Page.Type), person.Name, person.Sex, person.Ethnicity, person.BirthDate,
                    person.Address, person.Relationship, number?.Number, number?.IsValid ?? false, back?.Expired ?? false, back?.Validity ?? back?.ValidUntil);
            }).ToList();

    public static IReadOnlyList<ExpiredCard> ExpiredCards(IReadOnlyList<ScannedPage> pages)
    {
        // Whose each back is, by the same rule that flags the front's person.
        var holders = CardBacks.Pairs(pages).Where(x => x.Front.Page.Person is not null).Select(x => (x.Back, x.Front.Page.Person!.Name)).ToList();
        return pages.Where(p => p.Page.CardBack is { Expired: true })
            .Select(p => new ExpiredCard(p.File, p.Page.Page, p.Page.CardBack!.Validity, p.Page.CardBack.ValidUntil,
                holders.FirstOrDefault(h => ReferenceEquals(h.Back, p.Page.CardBack)).Name))
            .ToList();
    }
}
