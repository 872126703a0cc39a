using FormArchive.Archive.Cases;
using FormArchive.Casework.EconomicVerification;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Records;
using FormArchive.Casework.Volumes;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Casework.Checklist;

/// <summary>
/// Required materials of a case, after the Yunyang list: ID card front and back for every adult (18+) or covered
/// member; 户口簿 首页 and 增减页 (常住人口登记卡 pages); the bank account; at least one hardship evidence; the signed
/// 申请书 and 经济状况核查表; and the 家庭经济状况核对 result, which the 核对机构 files through the 核对 system
/// (<see cref="VerificationFiling"/>: "审批时通过核查系统直接关联，不用上传扫描件", 巴阳府发〔2021〕10号). The missing items the
/// applicant supplies feed the 补充材料一次性告知书 (templates/chizhou/supplement-notice).
/// </summary>
public static class CaseChecklist
{
    /// <summary>
    /// What the case <paramref name="m"/> has and lacks, from its filed scans and corrections. A 补充卷 counts the
    /// pages of the volumes before it too: it completes the case, so a material filed before sealing is not asked for again.
    /// </summary>
    public static async Task<IReadOnlyList<ChecklistItem>> OfCaseAsync(CaseArchive archive, CaseManifest m, DateOnly today, CancellationToken ct)
    {
        var members = await CaseHousehold.ReadAsync(archive, m, ct);
        var pages = new List<PageResult>();
        var holders = new Dictionary<CardBackResult, string>(ReferenceEqualityComparer.Instance);
        bool verified = false;
        foreach (var volume in (await SupplementVolumes.EarlierVolumesAsync(archive, m, ct)).Append(m))
        {
            verified |= volume.Documents.Any(VerificationResults.IsData);
            var scanned = await ScannedPages.ReadAsync(archive, volume, members, ct);
            pages.AddRange(scanned.Select(p => p.Page));
            // A volume's 件号 order is its own: backs are tied to fronts within the volume they were filed in.
            foreach (var (front, back) in CardBacks.Pairs(scanned))
                if (MemberOn(front.Page) is { } holder) holders.TryAdd(back, holder);
        }
        var items = Evaluate(members, pages, today, holders);
        items.Add(VerificationItem(verified));
        return items;
    }

    /// <summary>The 核对 result: present once the 核对机构 has filed one (no scan stands for it).</summary>
    public static ChecklistItem VerificationItem(bool filed) =>
        new("verification-result", "家庭经济状况核对结果（核对机构经核对系统报送，无需扫描上传）", filed, FromApplicant: false);

    /// <summary>What the applicant is to supply: the missing items that are theirs.</summary>
    public static IReadOnlyList<ChecklistItem> MissingFromApplicant(IEnumerable<ChecklistItem> items) => [.. items.Where(i => !i.Present && i.FromApplicant)];

    /// <param name="members">The household; <see cref="HouseholdMember.RequiresIdScan"/> marks members to be covered.</param>
    /// <param name="pages">Every page ingested for the case.</param>
    /// <param name="holders">The household member whose card front each back was tied to (<see cref="CardBacks"/>), by reference.</param>
    public static List<ChecklistItem> Evaluate(IReadOnlyList<HouseholdMember> members, IEnumerable<PageResult> pages, DateOnly today,
        IReadOnlyDictionary<CardBackResult, string>? holders = null)
    {
        var all = pages.ToList();
        var items = new List<ChecklistItem>();
        foreach (var m in members.Where(m => m.RequiresIdScan || m.IsAdultOn(today)))
        {
            bool front = all.Any(p => p.Type == DocumentType.IdCardFront && p.IdNumbers.Any(i => i.IsValid && i.MatchedMember == m.Name));
            items.Add(new ChecklistItem("id-front", $"{m.Name}的居民身份证（正面）", front, m.Name));
            // The back carries no number: count backs (a photocopy of both sides counts too) against fronts of the whole case.
            int backs = all.Count(p => p.Type == DocumentType.IdCardBack || p.CardBack is not null);
            int index = items.Count(i => i.Code == "id-back");
            items.Add(new ChecklistItem("id-back", $"{m.Name}的居民身份证（反面）", backs > index, m.Name));
        }
        // A card that had expired when it was scanned must be renewed (or a valid one shown).
        foreach (var p in all.Where(p => p.CardBack is { Expired: true }))
        {
            // Named as the other items name members (the name, never the number): read on the back's own page (a photocopy
            // of both sides), else the member of the front the back was tied to.
            var member = MemberOn(p) ?? holders?.GetValueOrDefault(p.CardBack!);
            items.Add(new ChecklistItem("id-expired", $"{member ?? ""}有效期内的居民身份证（已扫描的身份证于 {p.CardBack!.ValidUntil} 到期）", false, member));
        }
        items.Add(new ChecklistItem("hukou-home", "户口簿首页", all.Any(p => p.Type == DocumentType.HukouHome)));
        items.Add(new ChecklistItem("hukou-member", "户口簿增减页（常住人口登记卡）", all.Any(p => p.Type is DocumentType.HukouMember or DocumentType.HukouChanges)));
        items.Add(new ChecklistItem("bank", "银行账户（银行卡或存折）", all.Any(p => p.Type == DocumentType.BankAccount)));
        items.Add(new ChecklistItem("hardship", "至少一项困难证明材料（诊断证明、住院费用结算单、在校证明、残疾证、家庭基本情况说明等）", all.Any(p => p.Type == DocumentType.HardshipEvidence)));
        items.Add(new ChecklistItem("application", "本人签字的申请书", all.Any(p => p.Type == DocumentType.ApplicationForm)));
        items.Add(new ChecklistItem("economic-check", "本人签字的家庭经济状况核查表（授权书）", all.Any(p => p.Type == DocumentType.EconomicCheckForm)));
        return items;
    }

    private static string? MemberOn(PageResult page) => page.IdNumbers.Select(i => i.MatchedMember).FirstOrDefault(m => m is not null);

    /// <summary>Data for the chizhou.supplement-notice template: applicant plus the missing materials.</summary>
    public static Dictionary<string, object?> SupplementNoticeData(
        string applicantName, IEnumerable<ChecklistItem> items, string? unit = null, DateOnly? date = null) => new()
        {
            ["applicant"] = new Dictionary<string, object?> { ["name"] = applicantName },
            ["supplement"] = new Dictionary<string, object?>
            {
                ["missing"] = MissingFromApplicant(items).Select(i => i.Material).ToList(),
                ["unit"] = unit,
                ["date"] = date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
        };
}
