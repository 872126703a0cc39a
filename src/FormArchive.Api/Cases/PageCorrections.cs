using FormArchive.Api.Endpoints;
using FormArchive.Archive.Cases;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Api.Cases;

/// <summary>
/// Checks a clerk's correction request against the case as it stands and makes the record to file. Problems
/// name the field: 404 for a document or page the case does not have, 400 for a value that cannot be.
/// </summary>
public static class PageCorrections
{
    public const int MaxReasonLength = 500;

    public static (PageCorrection? Correction, ScannedPage? Target, IResult? Problem) Make(PageCorrectionRequest r, CaseManifest m,
        IReadOnlyList<ScannedPage> pages, IReadOnlyList<HouseholdMember> members, string clerk, DateTimeOffset at)
    {
        if (r.Document is not { } no) return Fail(400, "$.document", "the ingest result or searchable PDF of the scan is required");
        if (m.Documents.All(d => d.No != no)) return Fail(404, "$.document", $"case {m.CaseId} has no document {no}");
        var ofDocument = pages.Where(p => p.Documents.IngestResult == no || p.Documents.SearchablePdf == no).ToList();
        if (ofDocument.Count == 0) return Fail(400, "$.document", $"document {no} is not a scan's ingest result or searchable PDF");
        if (r.Page is not { } pageNo) return Fail(400, "$.page", "the page number is required");
        var target = ofDocument.FirstOrDefault(p => p.Page.Page == pageNo);
        if (target is null) return Fail(404, "$.page", $"document {no} has pages 1–{ofDocument.Count}, not {pageNo}");
        var page = target.Page;

        DocumentType? type = null;
        if (r.Type is not null)
        {
            if (!PageClassifier.Hints.TryGetValue(r.Type.Trim(), out var t))
                return Fail(400, "$.type", $"type must be one of {string.Join(", ", PageClassifier.Hints.Keys)}");
            type = t;
        }
        if (r.Member is not null && members.All(x => x.Name != r.Member.Trim()))
            return Fail(400, "$.member", "member must be one of the case's household members");
        if (r.IdNumber is not null && r.Member is null) return Fail(400, "$.idNumber", "idNumber says which number a member correction is for; give member too");
        if (r.Reason?.Length > MaxReasonLength) return Fail(400, "$.reason", $"the reason may be at most {MaxReasonLength} characters");

        int? index = null;
        if (r.Member is not null)
        {
            var (i, problem) = IdNumberIndex(page, r.IdNumber);
            if (problem is not null) return (null, null, problem);
            index = i;
        }
        var member = r.Member?.Trim();
        var current = index < page.IdNumbers.Count ? page.IdNumbers[index.Value] : null;
        bool typeChanges = type is { } newType && newType != page.Type;
        bool memberChanges = member is not null && !(current is { IsValid: true } && current.MatchedMember == member);
        if (!typeChanges && !memberChanges) return Fail(400, "$", "nothing to correct: the page already has that type and member");

        return (new PageCorrection
        {
            IngestResult = target.Documents.IngestResult, IngestResultSha256 = target.IngestResultSha256, Page = page.Page,
            PreviousType = typeChanges ? PageClassifier.HintName(page.Type) : null, Type = typeChanges ? PageClassifier.HintName(type!.Value) : null,
            IdNumberIndex = memberChanges ? index : null, IdNumberMasked = memberChanges && current is not null ? IdNumberMasking.Mask(current.Number) : null,
            PreviousMember = memberChanges ? current?.MatchedMember : null, Member = memberChanges ? member : null,
            Clerk = clerk, At = at, Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(),
        }, target, null);
    }

    /// <summary>The index of the ID number a member correction is for: the one named, the only one, or a new one on a page without.</summary>
    private static (int Index, IResult? Problem) IdNumberIndex(PageResult page, string? given)
    {
        var ids = page.IdNumbers;
        if (given is null)
            return ids.Count <= 1 ? (0, null) : (0, Fail(400, "$.idNumber", $"the page has {ids.Count} ID numbers; say which one the member is for").Problem);
        var wanted = given.Trim().ToUpperInvariant();
        var matches = Enumerable.Range(0, ids.Count)
            .Where(i => ids[i].Number.Equals(wanted, StringComparison.OrdinalIgnoreCase) || IdNumberMasking.Mask(ids[i].Number) == wanted).ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (0, Fail(400, "$.idNumber", "the page has no such ID number").Problem),
            _ => (0, Fail(400, "$.idNumber", "the masked number fits several ID numbers of the page; give it in full").Problem),
        };
    }

    private static (PageCorrection?, ScannedPage?, IResult? Problem) Fail(int status, string path, string message) =>
        (null, null, Problems.Create(status, status == 404 ? "Not found" : "Invalid correction", $"{path}: {message}",
            new Dictionary<string, object?> { ["errors"] = new[] { new { path, message } } }));
}
