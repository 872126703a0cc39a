using FormArchive.Archive.Cases;
using FormArchive.Casework.Filing;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Corrections;

/// <summary>
/// A clerk's correction of a scanned page: checked against the case as it stands, then filed as its own document
/// (the ingest result is never changed). Refusals name the field (<see cref="CorrectionRefusedException"/>): a
/// document or page the case does not have, or a value that cannot be. The service and any other caller file through here.
/// </summary>
public static class PageCorrections
{
    public const int MaxReasonLength = 500;
    public const string Title = "识别结果更正";

    /// <summary>Checks <paramref name="r"/> against the open case <paramref name="m"/> and files the correction.</summary>
    /// <exception cref="CorrectionRefusedException">Nothing was filed.</exception>
    public static async Task<FiledCorrection> FileAsync(
        CaseArchive archive, CaseManifest m, PageCorrectionRequest r, string clerk, CancellationToken ct = default)
    {
        var members = await CaseHousehold.ReadAsync(archive, m, ct);
        var pages = await ScannedPages.ReadAsync(archive, m, members, ct);
        var (correction, target) = Make(r, m, pages, members, clerk, archive.Clock.GetUtcNow());
        var stem = CaseDocuments.IngestResultStem(m.Documents.Single(d => d.No == correction.IngestResult).FileName);
        var entry = await archive.AddDocumentAsync(m.CaseId, new DocumentUpload
        {
            Title = Title, ResponsibleParty = m.Metadata.Agency, Date = ChinaTime.Today(),
            FileName = $"{stem}.p{correction.Page}{PageCorrection.FileSuffix}", MediaType = "application/json",
            Content = ArchiveJson.Bytes(correction), DerivedFrom = correction.IngestResultSha256,
        }, clerk, ct);
        var corrected = target with { Page = correction.ApplyTo(target.Page, members), Corrections = [.. target.Corrections, entry.No] };
        return new FiledCorrection(correction, entry, corrected);
    }

    /// <summary>The correction record <paramref name="r"/> asks for, and the page it corrects.</summary>
    /// <exception cref="CorrectionRefusedException">The request does not fit the case.</exception>
    public static (PageCorrection Correction, ScannedPage Target) Make(PageCorrectionRequest r, CaseManifest m,
        IReadOnlyList<ScannedPage> pages, IReadOnlyList<HouseholdMember> members, string clerk, DateTimeOffset at)
    {
        if (r.Document is not { } no) throw Refused("$.document", "请给出扫描件的识别结果或可检索 PDF 的件号");
        if (m.Documents.All(d => d.No != no)) throw Refused("$.document", notFound: true, message: $"案件 {m.CaseId} 没有件号为 {no} 的文件");
        var ofDocument = pages.Where(p => p.Documents.IngestResult == no || p.Documents.SearchablePdf == no).ToList();
        if (ofDocument.Count == 0) throw Refused("$.document", $"第 {no} 件不是扫描件的识别结果或可检索 PDF");
        if (r.Page is not { } pageNo) throw Refused("$.page", "请给出页码");
        var target = ofDocument.FirstOrDefault(p => p.Page.Page == pageNo);
        if (target is null) throw Refused("$.page", notFound: true, message: $"第 {no} 件共 {ofDocument.Count} 页，没有第 {pageNo} 页");
        var page = target.Page;

        DocumentType? type = null;
        if (r.Type is not null)
        {
            if (!PageClassifier.Hints.TryGetValue(r.Type.Trim(), out var t))
                throw Refused("$.type", $"type 应为 {string.Join("、", PageClassifier.Hints.Keys)} 之一");
            type = t;
        }
        if (r.Member is not null && members.All(x => x.Name != r.Member.Trim()))
            throw Refused("$.member", "member 应为本案家庭成员之一");
        if (r.IdNumber is not null && r.Member is null) throw Refused("$.idNumber", "idNumber 指明成员更正针对哪个号码，请同时给出 member");
        if (r.Reason?.Length > MaxReasonLength) throw Refused("$.reason", $"更正理由最多 {MaxReasonLength} 个字符");

        int? index = null;
        if (r.Member is not null)
        {
            index = IdNumberIndex(page, r.IdNumber);
        }
        var member = r.Member?.Trim();
        var current = index < page.IdNumbers.Count ? page.IdNumbers[index.Value] : null;
        bool typeChanges = type is { } newType && newType != page.Type;
        bool memberChanges = member is not null && !(current is { IsValid: true } && current.MatchedMember == member);
        if (!typeChanges && !memberChanges) throw Refused("$", "无需更正：该页已是此类型和成员");

        return (new PageCorrection
        {
            IngestResult = target.Documents.IngestResult, IngestResultSha256 = target.IngestResultSha256, Page = page.Page,
            PreviousType = typeChanges ? PageClassifier.HintName(page.Type) : null, Type = typeChanges ? PageClassifier.HintName(type!.Value) : null,
            IdNumberIndex = memberChanges ? index : null, IdNumberMasked = memberChanges && current is not null ? IdNumberMasking.Mask(current.Number) : null,
            PreviousMember = memberChanges ? current?.MatchedMember : null, Member = memberChanges ? member : null,
            Clerk = clerk, At = at, Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(),
        }, target);
    }

    /// <summary>The index of the ID number a member correction is for: the one named, the only one, or a new one on a page without.</summary>
    private static int IdNumberIndex(PageResult page, string? given)
    {
        var ids = page.IdNumbers;
        if (given is null)
            return ids.Count <= 1 ? 0 : throw Refused("$.idNumber", $"该页有 {ids.Count} 个身份证号码，请用 idNumber 指明成员对应哪一个");
        var wanted = given.Trim().ToUpperInvariant();
        var matches = Enumerable.Range(0, ids.Count)
            .Where(i => ids[i].Number.Equals(wanted, StringComparison.OrdinalIgnoreCase) || IdNumberMasking.Mask(ids[i].Number) == wanted).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Refused("$.idNumber", "该页没有这个身份证号码"),
            _ => throw Refused("$.idNumber", "该页有多个身份证号码与此遮蔽号码相符，请给出完整号码"),
        };
    }

    private static CorrectionRefusedException Refused(string path, string message, bool notFound = false) => new(path, message, notFound);
}
