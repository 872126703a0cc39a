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
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static SyntheticKind ParseKind(string s) => s.Trim() switch
    {
        "id-front" => SyntheticKind.IdFront,
        "id-back" => SyntheticKind.IdBack,
        "hukou-member" => SyntheticKind.HukouMember,
        "hukou-home" => SyntheticKind.HukouHome,
        "bank-card" => SyntheticKind.BankCard,
        "camera-id-front" => SyntheticKind.CameraIdFront,
        "camera-id-back" => SyntheticKind.CameraIdBack,
        "camera-bank-card" => SyntheticKind.CameraBankCard,
        "photocopy" => SyntheticKind.Photocopy,
        "camera-hukou-member" => SyntheticKind.CameraHukouMember,
        "bad-checksum-id" => SyntheticKind.BadChecksumId,
        "hospital-page" => SyntheticKind.HospitalPage,
        "camera-id-both" => SyntheticKind.CameraIdBoth,
        _ => throw new ArgumentException($"unknown kind '{s}'"),
    };

    /// <summary>Generates <paramref name="count"/> scans cycling through <paramref name="kinds"/>.</summary>
    /// <remarks>Older kinds alone draw from one random stream, as they always did (the same seed gives the same
    /// files as before). As soon as a capture kind is in the list, every image gets its own stream seeded from
    /// (seed, index), so the output is the same whatever <paramref name="threads"/> is.</remarks>
    public static List<ScanTruth> Write(string dir, int count, int seed, IReadOnlyList<SyntheticKind> kinds, ScanStyle? style = null, int threads = 1)
    {
        Directory.CreateDirectory(dir);
        if (kinds.Any(k => k >= SyntheticKind.CameraIdFront))
        {
            var made = new ScanTruth[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
            {
                var (jpeg, truth) = new ScanGenerator(ImageSeed(seed, i), style).Make(kinds[i % kinds.Count]);
                var name = $"scan-{i:D4}.jpg";
                File.WriteAllBytes(Path.Combine(dir, name), jpeg);
                made[i] = truth with { File = name };
            });
            File.WriteAllText(Path.Combine(dir, "truth.json"), JsonSerializer.Serialize(made, Json));
            return [.. made];
        }
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

    /// <summary>Writes one capture per item, each with its pinned options (the committed Captures corpus).</summary>
    public static List<ScanTruth> WriteCaptures(string dir, int seed, IReadOnlyList<(SyntheticKind Kind, CaptureOptions Options)> items, int threads = 1)
    {
        Directory.CreateDirectory(dir);
        var made = new ScanTruth[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            var (jpeg, truth) = CaptureKinds.Make(new Random(items[i].Options.Seed ?? ImageSeed(seed, i)), items[i].Kind, null, items[i].Options);
            var name = $"scan-{i:D4}.jpg";
            File.WriteAllBytes(Path.Combine(dir, name), jpeg);
            made[i] = truth with { File = name };
        });
        File.WriteAllText(Path.Combine(dir, "truth.json"), JsonSerializer.Serialize(made, Json));
        return [.. made];
    }

    /// <summary>The seed of image <paramref name="index"/> of a corpus (a fixed mix, not string.GetHashCode).</summary>
    public static int ImageSeed(int seed, int index) => unchecked((int)((uint)seed * 2654435761u ^ (uint)(index + 1) * 40503u * 97u));

    public static List<ScanTruth> Read(string dir) =>
        JsonSerializer.Deserialize<List<ScanTruth>>(File.ReadAllText(Path.Combine(dir, "truth.json")), Json) ?? [];
}
