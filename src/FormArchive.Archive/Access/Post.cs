namespace FormArchive.Archive.Access;

/// <summary>
/// The post a person signs in (池民社救〔2024〕56号 附件3: 经办人员签名, 负责人签名): the one who handles a case and the
/// one who answers for the unit's decision and countersigns it.
/// </summary>
public enum Post
{
    /// <summary>经办人: records the steps and the unit's opinion.</summary>
    Handler,
    /// <summary>负责人: countersigns the opinion or decision of the unit.</summary>
    Head,
}

public static class Posts
{
    /// <summary>handler, head, 经办人 or 负责人 (with or without 员); false for anything else.</summary>
    public static bool TryParse(string? text, out Post post)
    {
        switch (text?.Trim())
        {
            case { } s when s.Equals("handler", StringComparison.OrdinalIgnoreCase) || s is "经办人" or "经办人员":
                post = Post.Handler;
                return true;
            case { } s when s.Equals("head", StringComparison.OrdinalIgnoreCase) || s is "负责人":
                post = Post.Head;
                return true;
            default:
                post = default;
                return false;
        }
    }

    /// <summary>The machine name kept in the key store and the audit log.</summary>
    public static string Name(Post post) => post.ToString().ToLowerInvariant();

    /// <summary>经办人 or 负责人, as people read it.</summary>
    public static string Label(Post post) => post switch
    {
        Post.Handler => "经办人",
        Post.Head => "负责人",
        _ => throw new ArgumentOutOfRangeException(nameof(post), post, null),
    };
}
