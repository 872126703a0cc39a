using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Filing;

/// <summary>
/// A clerk's correction of one scanned page, filed as its own JSON document (识别结果更正) derived from the
/// ingest result it corrects; the ingest result itself is never changed. Corrections apply in document order.
/// Holds the member's name as the ingest result does, never an ID number in full.
/// </summary>
public sealed record PageCorrection
{
    /// <summary>A correction document's file name ends so (NAME.pN.correction.json); the scanned pages find corrections by it.</summary>
    public const string FileSuffix = ".correction.json";

    /// <summary>件号 of the ingest result corrected.</summary>
    public required int IngestResult { get; init; }
    public required string IngestResultSha256 { get; init; }
    public required int Page { get; init; }

    /// <summary>Type before and after, as hint names (id-front, bank …); Type is null when only the member is corrected.</summary>
    public string? PreviousType { get; init; }
    public string? Type { get; init; }

    /// <summary>
    /// Which ID number of the page the member correction is for: its index among the page's ID numbers as they
    /// stood when corrected (equal to their count when the page had none and the member's number is added).
    /// Null when only the type is corrected.
    /// </summary>
    public int? IdNumberIndex { get; init; }
    public string? IdNumberMasked { get; init; }
    public string? PreviousMember { get; init; }
    /// <summary>The household member the clerk says the page's ID number belongs to.</summary>
    public string? Member { get; init; }

    public required string Clerk { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? Reason { get; init; }

    /// <summary>The page as it stands after this correction.</summary>
    public PageResult ApplyTo(PageResult page, IReadOnlyList<HouseholdMember> members)
    {
        var result = Type is null ? page : page with { Type = PageClassifier.Hints[Type] };
        if (Member is null || IdNumberIndex is not { } index) return result;

        var ids = page.IdNumbers.ToList();
        var old = index < ids.Count ? ids[index] : null;
        // The clerk has checked the page against the member: their registered number stands for what OCR read
        // (or missed), so the checklist counts the page for them as it would a clean read.
        var registered = members.FirstOrDefault(m => m.Name == Member);
        string? number = registered is not null && ChineseIdNumber.TryParse(registered.IdNumber, out var id, out _) ? id.Value : null;
        var corrected = (old, number) switch
        {
            (null, null) => null,
            (null, { } n) => new IdCandidateResult(n, true, 0, 0, false, default, Member, null),
            ({ } o, null) => o with { MatchedMember = Member },
            ({ } o, { } n) => o with { Number = n, IsValid = true, MatchedMember = Member, Problem = null },
        };
        if (corrected is null) return result;
        if (old is null) ids.Add(corrected); else ids[index] = corrected;
        return result with { IdNumbers = ids };
    }
}
