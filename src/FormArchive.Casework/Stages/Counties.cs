using System.Text.Json;
using FormArchive.Archive.Access;
using FormArchive.Domain;

namespace FormArchive.Casework.Stages;

/// <summary>
/// The counties an installation serves, each with its townships: which county approves a township's cases, and
/// under which procedure and delegation. Read from FormArchive:Counties (the service) or the JSON file
/// FORMARCHIVE_COUNTIES names (the CLI), both of this shape:
/// <code>
/// { "贵池区": { "Bureau": "池州市贵池区民政局", "Townships": ["秋浦街道", "梅街镇"], "Rules": "chizhou", "Confirms": "临时救助=县" } }
/// </code>
/// With no configuration, <see cref="Embedded"/> holds the two seeds' counties and the townships the samples use.
/// </summary>
public sealed class Counties
{
    private readonly List<County> _counties;

    public Counties(IEnumerable<County> counties)
    {
        _counties = [.. counties];
        var townships = _counties.SelectMany(c => c.Townships.Select(t => (County: c.Name, Township: t)));
        foreach (var twice in townships.GroupBy(x => x.Township).Where(g => g.Count() > 1))
            throw new ArgumentException($"乡镇（街道）“{twice.Key}”同时设在{string.Join("、", twice.Select(x => x.County))}，每个乡镇只能属于一个县（区）。");
        foreach (var twice in _counties.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            throw new ArgumentException($"县（区）“{twice.Key}”设置了两次。");
    }

    /// <summary>池州市贵池区 and 石台县 (池民社救〔2024〕56号), 云阳县 (巴阳府发〔2021〕10号), with the townships the samples name.</summary>
    public static Counties Embedded { get; } = new([
        new County("贵池区", "池州市贵池区民政局", ["秋浦街道"], LocalRules.Chizhou, ConfirmingLevels.Chizhou),
        new County("石台县", "石台县民政局", ["仁里镇"], LocalRules.Chizhou, ConfirmingLevels.Chizhou),
        new County("云阳县", "云阳县民政局", ["巴阳镇"], LocalRules.Yunyang, ConfirmingLevels.Yunyang),
    ]);

    public IReadOnlyList<County> All => _counties;

    /// <summary>The county a township belongs to, or null when none is configured for it.</summary>
    public County? OfTownship(string? township) => township is null ? null : _counties.FirstOrDefault(c => c.Holds(township));

    public County? Named(string? name) => name is null ? null : _counties.FirstOrDefault(c => c.Name == name.Trim());

    /// <summary>
    /// The person a key stands for, as a step's signer: a township's clerk signs for the township, a county's for its
    /// 民政局 (the bureau's configured name). Keys issued before posts were recorded sign as 经办人.
    /// </summary>
    public Signer SignerOf(ApiKey key)
    {
        var post = key.Post ?? Post.Handler;
        if (key.County is { } county)
            return new Signer(key.Id, key.Name, post, ApprovalLevel.County, Named(county)?.Bureau ?? $"{county.Trim()}民政局");
        return new Signer(key.Id, key.Name, post, ApprovalLevel.Township, key.Township ?? key.Name);
    }

    /// <summary>The JSON file's counties (the shape above); refused in Chinese, naming the file, when it is not of it.</summary>
    public static Counties FromJsonFile(string path)
    {
        Dictionary<string, CountyEntry>? entries;
        try { entries = JsonSerializer.Deserialize<Dictionary<string, CountyEntry>>(File.ReadAllText(path)); }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"县（区）设置文件 {path} 无法读取：{e.Message}");
        }
        if (entries is null || entries.Count == 0) throw new ArgumentException($"县（区）设置文件 {path} 没有设置任何县（区）。");
        return new Counties(entries.Select(p => Parse(p.Key, p.Value.Bureau, p.Value.Townships ?? [], p.Value.Rules, p.Value.Confirms)));
    }

    private sealed record CountyEntry(string? Bureau, List<string>? Townships, string? Rules, string? Confirms);

    /// <summary>One county's settings as strings (configuration or JSON), refused in Chinese when one is not understood.</summary>
    public static County Parse(string name, string? bureau, IEnumerable<string> townships, string? rules, string? confirms)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("县（区）的名称不能为空。");
        var r = LocalRulesNames.Parse(rules);
        var list = townships.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (list.Count == 0) throw new ArgumentException($"县（区）“{name.Trim()}”没有设置乡镇（街道）（Townships）。");
        return new County(name.Trim(), string.IsNullOrWhiteSpace(bureau) ? $"{name.Trim()}民政局" : bureau.Trim(), list, r,
            ConfirmingLevels.Parse(confirms, ConfirmingLevels.Of(r)));
    }
}
