namespace FormArchive.Archive.Access;

/// <summary>
/// What an API key may do. Integrator: render forms only. Clerk: the cases of their own township (create,
/// upload, render into the case, seal, read). Archivist: read, search, dossier, export, verify, audit — no writes.
/// Admin: API keys and the audit log. Verifier: a county's 居民家庭经济状况核对机构 (a system, not a person), which posts
/// the 核对 results of its county's townships' cases and nothing else.
/// </summary>
public enum Role
{
    Integrator,
    Clerk,
    Archivist,
    Admin,
    Verifier,
}

public static class Roles
{
    public static bool TryParse(string? text, out Role role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>
    /// The role as clerks read it ("接口调用方", "办事员", "档案员", "管理员", "核对机构"): the one table of Chinese role names, for
    /// messages to people. <see cref="Name"/> stays the machine name (claims, the key store, the audit log).
    /// </summary>
    public static string Label(Role role) => role switch
    {
        Role.Integrator => "接口调用方",
        Role.Clerk => "办事员",
        Role.Archivist => "档案员",
        Role.Admin => "管理员",
        Role.Verifier => "核对机构",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
