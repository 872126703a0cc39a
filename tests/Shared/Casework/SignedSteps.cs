using System.Globalization;
using FormArchive.Archive.Access;
using FormArchive.Casework;
using FormArchive.Domain;

namespace FormArchive.Tests.Casework;

/// <summary>
/// People with keys in a real key register, and steps signed by them, for the tests that verify a case's sign-offs:
/// each test makes its own people (keys are never shared), in a township of its own.
/// </summary>
internal static class SignedSteps
{
    /// <summary>A new township clerk key (经办人 unless <paramref name="post"/> says otherwise) and the person as a step records them.</summary>
    public static (ApiKey Key, Signer Signer) TownshipPerson(ApiKeyStore keys, string name, string township, Post post = Post.Handler)
    {
        var key = keys.Add(name, Role.Clerk, township: township, post: post).Key;
        return (key, new Signer(key.Id, key.Name, post, ApprovalLevel.Township, township));
    }

    /// <summary>A new county clerk key, signing for the county's 民政局 <paramref name="bureau"/>.</summary>
    public static (ApiKey Key, Signer Signer) CountyPerson(ApiKeyStore keys, string name, string county, string bureau, Post post = Post.Handler)
    {
        var key = keys.Add(name, Role.Clerk, county: county, post: post).Key;
        return (key, new Signer(key.Id, key.Name, post, ApprovalLevel.County, bureau));
    }

    /// <summary>A step at 10:00 China time on <paramref name="iso"/>, done and signed by <paramref name="by"/>.</summary>
    public static CaseEvent Signed(CaseEventKind kind, string iso, Signer by, CaseOutcome? outcome = null) =>
        new(kind, by.Name, new DateTimeOffset(DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(10, 0)),
            ChinaTime.Offset))
        {
            Outcome = outcome,
            SignedBy = by,
            Staff = kind == CaseEventKind.HomeVisited ? ["李四"] : [],
        };

    /// <summary>受理 to 公示 (2024-03-04 to 03-07), the opinion (批准) given by <paramref name="opinionBy"/>, the rest by <paramref name="handler"/>.</summary>
    public static IEnumerable<CaseEvent> ThroughPublicity(Signer handler, Signer? opinionBy = null) =>
    [
        Signed(CaseEventKind.Accepted, "2024-03-04", handler),
        Signed(CaseEventKind.AuthorizationChecked, "2024-03-04", handler),
        Signed(CaseEventKind.HomeVisited, "2024-03-05", handler),
        Signed(CaseEventKind.PreliminaryOpinion, "2024-03-06", opinionBy ?? handler, CaseOutcome.Approved),
        Signed(CaseEventKind.PublicityStarted, "2024-03-07", handler),
    ];

    /// <summary>
    /// A case the township confirms (低保 under Chizhou's delegation) from 受理 to 告知 and the first payment: the opinion and
    /// the confirmation each countersigned by <paramref name="head"/>.
    /// </summary>
    public static IEnumerable<CaseEvent> ConfirmedByTheTownship(Signer handler, Signer head) =>
    [
        .. ThroughPublicity(handler),
        Signed(CaseEventKind.Countersigned, "2024-03-08", head),
        Signed(CaseEventKind.Confirmed, "2024-03-15", handler, CaseOutcome.Approved),
        Signed(CaseEventKind.Countersigned, "2024-03-15", head),
        Signed(CaseEventKind.Notified, "2024-03-18", handler, CaseOutcome.Approved),
        Signed(CaseEventKind.Paid, "2024-03-19", handler),
    ];
}
