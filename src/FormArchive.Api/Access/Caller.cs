using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Stages;

namespace FormArchive.Api.Access;

/// <summary>The authenticated key of the current request (from its claims), as the endpoints and the audit log see it.</summary>
public sealed record Caller(ApiKey Key, string? RemoteAddress)
{
    /// <summary>"name (role, key id)": what the archive's own access log and the audit log record as the actor.</summary>
    public string Actor => $"{Key.Name} ({Roles.Name(Key.Role)}, key {Key.Id})";

    public static Caller? Of(HttpContext context) =>
        ApiKeyClaims.KeyOf(context.User) is { } key ? new Caller(key, context.Connection.RemoteIpAddress?.ToString()) : null;

    public static Caller Required(HttpContext context) => Of(context) ?? throw new InvalidOperationException("endpoint has no access requirement");

    /// <summary>
    /// Whether this key may see the case at all: archivists see every case, a township's clerks only their township's,
    /// a county's clerks the cases of the county's townships once submitted to it (报送审批), a county's 核对机构 the cases
    /// of the county's townships. Callers outside the scope get 404, so case numbers of other townships are not even
    /// confirmed to exist.
    /// </summary>
    public bool MaySee(CaseManifest m, Counties counties) => Key.Role switch
    {
        Role.Archivist => true,
        Role.Clerk when Key.County is { } county => counties.Named(county) is { } c && c.Holds(m.Metadata.Township)
            && StageRecords.Holds(m, FormArchive.Casework.CaseEventKind.Submitted),
        Role.Clerk => string.Equals(Key.Township, m.Metadata.Township.Trim(), StringComparison.Ordinal),
        Role.Verifier => Key.County is { } county && counties.Named(county) is { } c && c.Holds(m.Metadata.Township),
        _ => false,
    };

    /// <summary>A township's clerk (not a county's).</summary>
    public bool IsTownshipClerk => Key is { Role: Role.Clerk, County: null };
}
