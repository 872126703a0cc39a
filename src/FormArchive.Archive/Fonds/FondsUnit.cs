namespace FormArchive.Archive.Fonds;

/// <summary>
/// What an issuing unit's archive assigns to its cases, from configuration: 全宗名称 and 全宗号 (the fonds),
/// 目录号 (the catalogue its 案卷 are listed in), the 保管期限 a case gets when its clerk names none, and 密级.
/// Null means "not configured here": a unit's entry falls back to the default entry, field by field.
/// </summary>
public sealed record FondsUnit
{
    /// <summary>全宗名称: the 立档单位's full name or its standard short name (GB/T 9705 3.1.3.1).</summary>
    public string? FondsName { get; init; }
    /// <summary>全宗号, given by the 档案馆 (DA/T 13).</summary>
    public string? FondsCode { get; init; }
    /// <summary>目录号 (案卷目录号).</summary>
    public string? CatalogNo { get; init; }
    /// <summary>保管期限 for cases opened without one, e.g. 永久, 30年, 10年.</summary>
    public string? RetentionPeriod { get; init; }
    /// <summary>密级; empty for records that are not classified.</summary>
    public string? Classification { get; init; }

    /// <summary>The settings a unit's entry may have, as the settings file and the configuration name them.</summary>
    public static IReadOnlyList<string> SettingNames { get; } =
        [nameof(FondsName), nameof(FondsCode), nameof(CatalogNo), nameof(RetentionPeriod), nameof(Classification)];

    /// <summary>This entry with every unset field taken from <paramref name="fallback"/>.</summary>
    public FondsUnit Over(FondsUnit fallback) => new()
    {
        FondsName = FondsName ?? fallback.FondsName,
        FondsCode = FondsCode ?? fallback.FondsCode,
        CatalogNo = CatalogNo ?? fallback.CatalogNo,
        RetentionPeriod = RetentionPeriod ?? fallback.RetentionPeriod,
        Classification = Classification ?? fallback.Classification,
    };
}
