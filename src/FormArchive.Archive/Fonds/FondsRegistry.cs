using System.Text.Json;

namespace FormArchive.Archive.Fonds;

/// <summary>
/// The fonds settings of every issuing unit, keyed by 乡镇（街道） or by 立卷单位 as a case records them, with a
/// default entry for units not listed. The service reads them from the FormArchive:Fonds configuration section,
/// the command line from the JSON file FORMARCHIVE_FONDS names; both have this shape:
/// <code>
/// { "Default": { "RetentionPeriod": "30年" },
///   "Units": { "秋浦街道": { "FondsName": "池州市贵池区秋浦街道办事处", "FondsCode": "J012", "CatalogNo": "3" } } }
/// </code>
/// With no configuration (<see cref="Embedded"/>) every case gets 保管期限 30年 and its 立卷单位 as 全宗名称, and the
/// codes only the archive can assign (全宗号, 目录号) and 密级 stay blank on the cover, to be filled in by hand.
/// </summary>
public sealed class FondsRegistry
{
    /// <summary>The built-in default entry: nothing an archive must assign is invented.</summary>
    public static readonly FondsUnit BuiltIn = new() { FondsName = "", FondsCode = "", CatalogNo = "", RetentionPeriod = "30年", Classification = "" };

    public static FondsRegistry Embedded { get; } = new(null, new Dictionary<string, FondsUnit>());

    private readonly FondsUnit _default;
    private readonly Dictionary<string, FondsUnit> _units;

    public FondsRegistry(FondsUnit? defaultUnit, IReadOnlyDictionary<string, FondsUnit> units)
    {
        _default = (defaultUnit ?? new FondsUnit()).Over(BuiltIn);
        _units = units.ToDictionary(u => u.Key.Trim(), u => u.Value.Over(_default), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Units => _units.Keys;

    /// <summary>The entry of the unit a case was filed by: its 乡镇（街道） first, then its 立卷单位, else the default.</summary>
    public FondsUnit For(string? township, string? agency) =>
        township is not null && _units.TryGetValue(township.Trim(), out var byTownship) ? byTownship
        : agency is not null && _units.TryGetValue(agency.Trim(), out var byAgency) ? byAgency
        : _default;

    private sealed record FileShape(FondsUnit? Default, Dictionary<string, FondsUnit>? Units);

    /// <summary>Reads the JSON shape above; a malformed file is refused with its path, never half-read.</summary>
    public static FondsRegistry FromJson(string path)
    {
        FileShape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<FileShape>(File.ReadAllBytes(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"全宗配置文件 {path} 无法读取：{e.Message}", e);
        }
        return new FondsRegistry(shape?.Default, shape?.Units ?? []);
    }

    /// <summary>The file FORMARCHIVE_FONDS names, or <see cref="Embedded"/> when it is unset.</summary>
    public static FondsRegistry FromEnvironment() =>
        Environment.GetEnvironmentVariable("FORMARCHIVE_FONDS") is { Length: > 0 } path ? FromJson(path) : Embedded;
}
