using FormArchive.Casework.Filing;
using FormArchive.Api.Cases;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Api.CaseRecords;

/// <summary>
/// A person read by OCR on a card front or 常住人口登记卡, offered to the clerk as a household member.
/// <see cref="CardExpired"/>: the back scanned with this front (same file) shows a 有效期限 that had passed.
/// </summary>
public sealed record ScannedPerson(string File, int Page, string Type, string? Name, string? Sex, string? Ethnicity, string? BirthDate,
    string? Address, string? Relationship, string? IdNumber, bool IdNumberValid, bool CardExpired = false, string? CardValidity = null);

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
                var back = p.Page.Type == DocumentType.IdCardFront ? BackOf(p, pages) : null;
                return new ScannedPerson(p.File, p.Page.Page, PageClassifier.HintName(p.Page.Type), person.Name, person.Sex, person.Ethnicity, person.BirthDate,
                    person.Address, person.Relationship, number?.Number, number?.IsValid ?? false, back?.Expired ?? false, back?.Validity ?? back?.ValidUntil);
            }).ToList();

    /// <summary>
    /// The back of a card front: a back in the same scanned file when that file holds this one front only (a back
    /// carries no name or number, so a file of several cards cannot tell which back is whose).
    /// </summary>
    private static CardBackResult? BackOf(ScannedPage front, IReadOnlyList<ScannedPage> pages)
    {
        var sameFile = pages.Where(p => p.Documents.IngestResult == front.Documents.IngestResult).ToList();
        if (sameFile.Count(p => p.Page.Type == DocumentType.IdCardFront) != 1) return null;
        return sameFile.Where(p => p.Page.Type == DocumentType.IdCardBack).Select(p => p.Page.CardBack).FirstOrDefault(b => b is not null);
    }

    public static IReadOnlyList<ExpiredCard> ExpiredCards(IReadOnlyList<ScannedPage> pages) =>
        pages.Where(p => p.Page.CardBack is { Expired: true }).Select(p => new ExpiredCard(p.File, p.Page.Page, p.Page.CardBack!.Validity, p.Page.CardBack.ValidUntil)).ToList();
}
