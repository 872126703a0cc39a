using FormArchive.Casework.Filing;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Records;

/// <summary>Which ID card front each scanned back belongs to: the one rule the persons offered and the checklist both use.</summary>
public static class CardBacks
{
    /// <summary>
    /// The back of a card front. A back carries no name or number, so it is tied by where it was scanned: in the
    /// front's own file, or as the file filed right after it (cards are scanned front, then back) when that file holds
    /// backs only. Either way the front's file must hold this one front, and the back be the only one: a file of
    /// several cards cannot tell which back is whose.
    /// </summary>
    public static CardBackResult? BackOf(ScannedPage front, IReadOnlyList<ScannedPage> pages)
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

    /// <summary>Every card front with the back tied to it (its own page's, for a photocopy of both sides, else by <see cref="BackOf"/>).</summary>
    public static IReadOnlyList<(ScannedPage Front, CardBackResult Back)> Pairs(IReadOnlyList<ScannedPage> pages) =>
        pages.Where(p => p.Page.Type == DocumentType.IdCardFront)
            .Select(p => (Front: p, Back: p.Page.CardBack ?? BackOf(p, pages)))
            .Where(x => x.Back is not null).Select(x => (x.Front, x.Back!)).ToList();
}
