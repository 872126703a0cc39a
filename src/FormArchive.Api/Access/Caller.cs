using FormArchive.Archive.Access;
using FormArchive.Archive.Cases;

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
    /// Whether this key may see the case at all: archivists see every case, clerks only their own township's.
    /// Callers outside the scope get 404, so case numbers of other townships are not even confirmed to exist.
    /// </summary>
    public bool MaySee(CaseMetadata metadata) => Key.Role switch
    {
        Role.Archivist => true,
        Role.Clerk => string.Equals(Key.Township, metadata.Township.Trim(), StringComparison.Ordinal),
        _ => false,
    };
}
