namespace FormArchive.Archive.Access;

/// <summary>One API key as stored: never the key itself, only its SHA-256.</summary>
public sealed record ApiKey
{
    /// <summary>Short public id (also the key's visible prefix), for listing and revoking.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Role Role { get; init; }
    /// <summary>For clerks: the 乡镇（街道） whose cases the key may touch.</summary>
    public string? Township { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public bool Active => RevokedAt is null;
}

/// <summary>A key just created: the secret is shown this once and then only its hash exists.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
