namespace FormArchive.Archive.Access;

/// <summary>
/// What an API key may do. Integrator: render forms only. Clerk: the cases of their own township (create,
/// upload, render into the case, seal, read). Archivist: read, search, dossier, export, verify, audit — no writes.
/// Admin: API keys and the audit log.
/// </summary>
public enum Role
{
    Integrator,
    Clerk,
    Archivist,
    Admin,
}

public static class Roles
{
    public static bool TryParse(string? text, out Role role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>"an integrator", "a clerk", "an archivist", "an admin": for messages that name the caller's role.</summary>
    public static string WithArticle(Role role) => (Name(role)[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + Name(role);
}
