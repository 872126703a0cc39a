using FormArchive.Archive.Access;

namespace FormArchive.Api.Access;

/// <summary>
/// The authorization policies, one per set of roles an endpoint admits, named for what the caller does there.
/// The roles are the key's role claim; townships are scoped per case by <see cref="Caller.MaySee"/>.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Clerks: write to their township's cases.</summary>
    public const string Clerk = "clerk";
    /// <summary>Archivists: dossier, export, verification.</summary>
    public const string Archivist = "archivist";
    /// <summary>Admins: API keys, metrics.</summary>
    public const string Admin = "admin";
    /// <summary>Clerks (own township) and archivists: read cases and township lists.</summary>
    public const string CaseReader = "case-reader";
    /// <summary>Integrators and clerks: render forms.</summary>
    public const string FormRenderer = "form-renderer";
    /// <summary>Admins and archivists: the audit log.</summary>
    public const string Auditor = "auditor";
    /// <summary>A county's clerks (经办人 and 负责人): the county desk's own routes (its queue); see <see cref="CountyDesk"/>.</summary>
    public const string County = "county";
    /// <summary>Any key: who the key stands for.</summary>
    public const string AnyKey = "any-key";
    /// <summary>A county's 核对机构 (a system): file the 家庭经济状况核对 results of its county's townships' cases.</summary>
    public const string Verifier = "verifier";

    /// <summary>Each policy's roles, in the order a refusal lists them.</summary>
    public static readonly IReadOnlyDictionary<string, Role[]> All = new Dictionary<string, Role[]>(StringComparer.Ordinal)
    {
        [Clerk] = [Role.Clerk],
        [Archivist] = [Role.Archivist],
        [Admin] = [Role.Admin],
        [CaseReader] = [Role.Clerk, Role.Archivist],
        [FormRenderer] = [Role.Integrator, Role.Clerk],
        [Auditor] = [Role.Admin, Role.Archivist],
        [County] = [Role.Clerk],
        [AnyKey] = [Role.Integrator, Role.Clerk, Role.Archivist, Role.Admin, Role.Verifier],
        [Verifier] = [Role.Verifier],
    };
}
