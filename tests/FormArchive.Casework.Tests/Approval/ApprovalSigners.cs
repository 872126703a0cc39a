using FormArchive.Archive.Access;
using FormArchive.Casework;
using FormArchive.Domain;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Approval;

/// <summary>The people of the online-approval tests, at 秋浦街道 and 贵池区, the steps they sign and logs of them.</summary>
internal static class ApprovalSigners
{
    public static readonly Signer Wang = new("k-wang", "王五", Post.Handler, ApprovalLevel.Township, "秋浦街道");
    public static readonly Signer Li = new("k-li", "李四", Post.Handler, ApprovalLevel.Township, "秋浦街道");
    public static readonly Signer TownHead = new("k-zhou", "周八", Post.Head, ApprovalLevel.Township, "秋浦街道");
    public static readonly Signer OtherTownHead = new("k-wu", "吴九", Post.Head, ApprovalLevel.Township, "梅街镇");
    public static readonly Signer CountyClerk = new("k-sun", "孙七", Post.Handler, ApprovalLevel.County, "池州市贵池区民政局");
    public static readonly Signer CountyHead = new("k-qian", "钱十", Post.Head, ApprovalLevel.County, "池州市贵池区民政局");

    /// <summary>A step at 10:00 China time on <paramref name="iso"/>, done and signed by <paramref name="by"/>.</summary>
    public static CaseEvent S(CaseEventKind kind, string iso, Signer by, CaseOutcome? outcome = null) =>
        E(kind, iso, outcome, actor: by.Name) with { SignedBy = by, Staff = kind == CaseEventKind.HomeVisited ? ["李四"] : [] };

    /// <summary>受理 to 公示 signed by 王五, the opinion (2024-03-06) countersigned by 周八 on 03-07.</summary>
    public static List<CaseEvent> SignedThroughPublicity() =>
    [
        S(CaseEventKind.Accepted, "2024-03-04", Wang), S(CaseEventKind.AuthorizationChecked, "2024-03-04", Wang),
        S(CaseEventKind.HomeVisited, "2024-03-05", Wang), S(CaseEventKind.PreliminaryOpinion, "2024-03-06", Wang, CaseOutcome.Approved),
        S(CaseEventKind.Countersigned, "2024-03-07", TownHead), S(CaseEventKind.PublicityStarted, "2024-03-07", Wang),
    ];

    /// <summary>Submitted on 03-15, confirmed by the county on 03-18 from April, countersigned on 03-19.</summary>
    public static List<CaseEvent> ConfirmedByCounty() =>
    [
        .. SignedThroughPublicity(), S(CaseEventKind.Submitted, "2024-03-15", Wang),
        S(CaseEventKind.Confirmed, "2024-03-18", CountyClerk, CaseOutcome.Approved) with { Terms = new ApprovalTerms { FromMonth = D("2024-04-01") } },
        S(CaseEventKind.Countersigned, "2024-03-19", CountyHead),
    ];

    /// <summary>Confirmed by the township (delegated) on 03-15, countersigned on 03-18.</summary>
    public static List<CaseEvent> ConfirmedByTownship() =>
    [
        .. SignedThroughPublicity(), S(CaseEventKind.Confirmed, "2024-03-15", Wang, CaseOutcome.Approved),
        S(CaseEventKind.Countersigned, "2024-03-18", TownHead),
    ];
}
