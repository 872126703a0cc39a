using FormArchive.Api.Cases;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Api.CaseRecords;

/// <summary>A person read by OCR on a card front or 常住人口登记卡, offered to the clerk as a household member.</summary>
public sealed record ScannedPerson(string File, int Page, string Type, string? Name, string? Sex, string? Ethnicity, string? BirthDate,
    string? Address, string? Relationship, string? IdNumber, bool IdNumberValid);

/// <summary>An ID card back whose 有效期限 had passed on the scan date.</summary>
public sealed record ExpiredCard(string File, int Page, string? Validity, string? ValidUntil);

public static class ScannedPersons
{
    public static IReadOnlyList<ScannedPerson> From(IReadOnlyList<ScannedPage> pages) =>
        pages.Where(p => p.Page.Person is not null && p.Page.Type is DocumentType.IdCardFront or DocumentType.HukouMember or DocumentType.HukouHome)
            .Select(p =>
            {
                var person = p.Page.Person!;
                // The number that the card prints: the valid one read best, else the best read at all.
                var number = p.Page.IdNumbers.OrderByDescending(i => i.IsValid).ThenByDescending(i => i.Confidence).FirstOrDefault();
                return new ScannedPerson(p.File, p.Page.Page, PageClassifier.HintName(p.Page.Type), person.Name, person.Sex, person.Ethnicity, person.BirthDate,
                    person.Address, person.Relationship, number?.Number, number?.IsValid ?? false);
            }).ToList();

    public static IReadOnlyList<ExpiredCard> ExpiredCards(IReadOnlyList<ScannedPage> pages) =>
        pages.Where(p => p.Page.CardBack is { Expired: true }).Select(p => new ExpiredCard(p.File, p.Page.Page, p.Page.CardBack!.Validity, p.Page.CardBack.ValidUntil)).ToList();
}
