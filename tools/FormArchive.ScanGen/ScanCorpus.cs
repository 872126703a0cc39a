using System.Text.Json;
using System.Text.Json.Serialization;

namespace FormArchive.ScanGen;

/// <summary>Writes and reads a folder of generated scans with its truth.json.</summary>
public static class ScanCorpus
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static SyntheticKind ParseKind(string s) => s.Trim() switch
    {
        "id-front" => SyntheticKind.IdFront,
        "id-back" => SyntheticKind.IdBack,
        "hukou-member" => SyntheticKind.HukouMember,
        "hukou-home" => SyntheticKind.HukouHome,
        "bank-card" => SyntheticKind.BankCard,
        _ => throw new ArgumentException($"unknown kind '{s}'"),
    };

    /// <summary>Generates <paramref name="count"/> scans cycling through <paramref name="kinds"/>.</summary>
    public static List<ScanTruth> Write(string dir, int count, int seed, IReadOnlyList<SyntheticKind> kinds, ScanStyle? style = null)
    {
        Directory.CreateDirectory(dir);
        var gen = new ScanGenerator(seed, style);
        var truths = new List<ScanTruth>(count);
        for (int i = 0; i < count; i++)
        {
            var (jpeg, truth) = gen.Make(kinds[i % kinds.Count]);
            var name = $"scan-{i:D4}.jpg";
            File.WriteAllBytes(Path.Combine(dir, name), jpeg);
            truths.Add(truth with { File = name });
        }
        File.WriteAllText(Path.Combine(dir, "truth.json"), JsonSerializer.Serialize(truths, Json));
        return truths;
    }

    public static List<ScanTruth> Read(string dir) =>
        JsonSerializer.Deserialize<List<ScanTruth>>(File.ReadAllText(Path.Combine(dir, "truth.json")), Json) ?? [];
}
