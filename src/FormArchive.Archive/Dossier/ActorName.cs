namespace FormArchive.Archive.Dossier;

/// <summary>
/// The person in an actor as the access log records it: the API records "name (role, key id)"; printed pages
/// (cover, 卷内备考表) show only the name, never the role word or the key id.
/// </summary>
public static class ActorName
{
    public static string PersonOf(string? actor)
    {
        if (string.IsNullOrWhiteSpace(actor)) return "";
        var trimmed = actor.Trim();
        int paren = trimmed.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 && trimmed.EndsWith(')') ? trimmed[..paren] : trimmed;
    }
}
