using FormArchive.Casework.Filing;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Api.Cases;

/// <summary>An ID number on a page as the API shows it: masked; ReadAs is what OCR read when a correction replaced it.</summary>
public sealed record IdNumberView(string Masked, bool Valid, string? MatchedMember, string? Problem, bool Corrected, string? ReadAs)
{
    /// <summary>Where the number stands on the page image (pixels of the archival image), to outline it.</summary>
    public PixelBox? Box { get; init; }
}

/// <summary>One scanned page as GET /api/cases/{id}/pages shows it: where it is filed and its effective type and members.</summary>
public sealed record ScannedPageView(string File, ScanDocuments Documents, int Page, string Type, string Title, string ClassifiedAs,
    IReadOnlyList<IdNumberView> IdNumbers, bool Corrected, IReadOnlyList<int> Corrections, IReadOnlyList<string> Warnings)
{
    /// <summary>Size of the archival image the boxes refer to.</summary>
    public int Width { get; init; }
    public int Height { get; init; }
    /// <summary>签发机关, 有效期限 and whether the card had expired, for an ID card back.</summary>
    public CardBackResult? CardBack { get; init; }

    public static ScannedPageView Of(ScannedPage p)
    {
        var read = p.Read.IdNumbers;
        var ids = p.Page.IdNumbers.Select((id, i) =>
        {
            var before = i < read.Count ? read[i] : null;
            bool corrected = before != id;
            string? readAs = corrected && before is not null && before.Number != id.Number ? IdNumberMasking.Mask(before.Number) : null;
            return new IdNumberView(IdNumberMasking.Mask(id.Number), id.IsValid, id.MatchedMember, id.Problem, corrected, readAs)
            { Box = id.Box.Width > 0 ? id.Box : null };
        }).ToList();
        return new ScannedPageView(p.File, p.Documents, p.Page.Page, PageClassifier.HintName(p.Page.Type), DocumentTitles.Of(p.Page.Type),
            PageClassifier.HintName(p.Page.ClassifiedAs), ids, p.Corrected, p.Corrections, p.Page.Warnings)
        { Width = p.Page.Width, Height = p.Page.Height, CardBack = p.Page.CardBack };
    }
}
