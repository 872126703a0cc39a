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

    private static readonly JsonSerializerOptions FileJson = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly FondsUnit _default;
    private readonly Dictionary<string, FondsUnit> _units;

    public FondsRegistry(FondsUnit? defaultUnit, IReadOnlyDictionary<string, FondsUnit> units)
    {
        _default = (defaultUnit ?? new FondsUnit()).Over(BuiltIn);
        _units = new Dictionary<string, FondsUnit>(StringComparer.Ordinal);
        foreach (var (key, unit) in units)
            if (!_units.TryAdd(key.Trim(), unit.Over(_default)))
                throw new InvalidOperationException($"单位“{key.Trim()}”设置了两次");
    }

    public IReadOnlyCollection<string> Units => _units.Keys;

    /// <summary>The entry of the unit a case was filed by: its 乡镇（街道） first, then its 立卷单位, else the default.</summary>
    public FondsUnit For(string? township, string? agency) =>
        township is not null && _units.TryGetValue(township.Trim(), out var byTownship) ? byTownship
        : agency is not null && _units.TryGetValue(agency.Trim(), out var byAgency) ? byAgency
        : _default;

    private sealed record FileShape(FondsUnit? Default, Dictionary<string, FondsUnit>? Units);

    /// <summary>
    /// Reads the JSON shape above; a file that is missing, unreadable, not JSON or of another shape is refused
    /// with its path and, in Chinese, what is wrong where (line and byte, counted from 1), never half-read.
    /// </summary>
    public static FondsRegistry FromJson(string path)
    {
        bool wellFormed = false;
        try
        {
            var bytes = File.ReadAllBytes(path);
            // Syntax first, so that a syntax error and a wrong shape are told apart.
            using (var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }))
            {
                wellFormed = true;
                RefuseUnitsNamedTwice(doc.RootElement);
                RefuseUnknownKeys(doc.RootElement);
            }
            var shape = JsonSerializer.Deserialize<FileShape>(bytes, FileJson);
            return new FondsRegistry(shape?.Default, shape?.Units ?? []);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"全宗配置文件 {path} 无法读取：{Problem(e, wellFormed)}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"全宗配置文件 {path} 无法读取：{e.Message}", e);
        }
    }

    /// <summary>The serializer would let the last of two same-named units win unnoticed; an operator's typo must not.</summary>
    private static void RefuseUnitsNamedTwice(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return;
        foreach (var section in root.EnumerateObject())
        {
            if (!section.Name.Equals("Units", StringComparison.OrdinalIgnoreCase) || section.Value.ValueKind != JsonValueKind.Object) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var unit in section.Value.EnumerateObject())
                if (!seen.Add(unit.Name.Trim())) throw new InvalidOperationException($"单位“{unit.Name.Trim()}”设置了两次");
        }
    }

    /// <summary>The sections of the settings: the default entry and the units.</summary>
    public static IReadOnlyList<string> SectionNames { get; } = ["Default", "Units"];

    /// <summary>
    /// The serializer would ignore a key it does not know ("FondCode", "Unit"), leaving the setting silently unset:
    /// an unknown key is refused, named with where it is. Names match without regard to case, as they are read.
    /// </summary>
    private static void RefuseUnknownKeys(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return;
        foreach (var section in root.EnumerateObject())
        {
            if (UnknownKey(section.Name, SectionNames, "") is { } top) throw new InvalidOperationException(top);
            if (section.Value.ValueKind != JsonValueKind.Object) continue;
            var units = section.Name.Equals("Units", StringComparison.OrdinalIgnoreCase)
                ? section.Value.EnumerateObject().Select(u => (Where: $"{section.Name}.{u.Name}", Value: u.Value))
                : [(Where: section.Name, Value: section.Value)];
            foreach (var (where, unit) in units.Where(u => u.Value.ValueKind == JsonValueKind.Object))
                foreach (var setting in unit.EnumerateObject())
                    if (UnknownKey(setting.Name, FondsUnit.SettingNames, where) is { } problem) throw new InvalidOperationException(problem);
        }
    }

    /// <summary>One Chinese line naming <paramref name="key"/> when it is not one of <paramref name="known"/>; null when it is.</summary>
    public static string? UnknownKey(string key, IReadOnlyList<string> known, string where) =>
        known.Contains(key, StringComparer.OrdinalIgnoreCase) ? null
            : $"未知的设置项“{key}”{(where.Length > 0 ? $"（位于 {where}）" : "")}，可用的设置项为 {string.Join("、", known)}";

    /// <summary>What is wrong with the file, in Chinese: System.Text.Json's own messages are English.</summary>
    private static string Problem(Exception e, bool wellFormed)
    {
        if (e is FileNotFoundException or DirectoryNotFoundException) return "文件不存在";
        if (e is UnauthorizedAccessException) return "没有读取权限";
        if (e is not JsonException json) return "读取文件时出错";
        var at = json.LineNumber is { } line ? $"第 {line + 1} 行第 {json.BytePositionInLine + 1} 字节处" : "";
        return !wellFormed
            ? $"{at}不是合法的 JSON（检查引号、逗号和括号）"
            : $"{at}（{json.Path}）的值类型不对：Default 和 Units 下的每个单位应为对象，其中各项设置应为字符串";
    }

    /// <summary>The file FORMARCHIVE_FONDS names, or <see cref="Embedded"/> when it is unset.</summary>
    public static FondsRegistry FromEnvironment() =>
        Environment.GetEnvironmentVariable("FORMARCHIVE_FONDS") is { Length: > 0 } path ? FromJson(path) : Embedded;
}
