using FormArchive.Archive.Access;

namespace FormArchive.Casework;

/// <summary>
/// Who signed a step, as the case log keeps it: the person's key, name and post, and the unit they signed for
/// (a township, or a county's 民政局). A step is a person's act, never a role's.
/// </summary>
public sealed record Signer(string KeyId, string Name, Post Post, ApprovalLevel Level, string Unit)
{
    /// <summary>"秋浦街道 经办人 王五": what people read (no key id, no role code).</summary>
    public string Label => $"{Unit} {Posts.Label(Post)} {Name}";

    /// <summary>The same person: one key, whatever name it was typed with.</summary>
    public bool SamePerson(Signer other) => string.Equals(KeyId, other.KeyId, StringComparison.Ordinal);
}
