namespace FormArchive.Archive.Access;

/// <summary>One API key as stored: never the key itself, only its SHA-256.</summary>
public sealed record ApiKey
{
    /// <summary>Short public id (also the key's visible prefix), for listing and revoking.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Role Role { get; init; }
    /// <summary>For clerks of a township: the 乡镇（街道） whose cases the key may touch.</summary>
    public string? Township { get; init; }
    /// <summary>
    /// For clerks of a county: the 县（区） whose townships' submitted cases the key reviews and decides. For a verifier: the
    /// 县（区） whose townships' cases its 核对 results are filed in.
    /// </summary>
    public string? County { get; init; }
    /// <summary>For clerks: the post the person signs in (经办人 unless made 负责人).</summary>
    public Post? Post { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public bool Active => RevokedAt is null;

    /// <summary>The unit the person works for: the township or the county, null for keys of no unit.</summary>
    public string? Unit => Township ?? County;
}

/// <summary>A key just created: the secret is shown this once and then only its hash exists.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
