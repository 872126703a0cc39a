using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FormArchive.Tests.Api;

/// <summary>One sample line of the Prometheus text format: name, labels (unescaped) and value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A strict reader of the Prometheus text exposition format 0.0.4, for checking what /metrics writes: every line
/// is a HELP or TYPE comment or <c>name{labels} value</c>; every sample belongs to a family whose TYPE came first
/// (a summary's <c>_sum</c>/<c>_count</c> and a histogram's <c>_bucket</c> to their base name); a family's lines
/// are one group; label values use only the escapes \\, \" and \n. Anything else throws
/// <see cref="FormatException"/> naming the line.
/// </summary>
internal static partial class PrometheusTextParser
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "summary", "histogram", "untyped"];

    /// <summary>The TYPE of each family, the families with a HELP line, and the samples in order.</summary>
    public sealed record Exposition(IReadOnlyDictionary<string, string> TypeOf, IReadOnlySet<string> Helped, IReadOnlyList<PrometheusSample> Samples);

    public static Exposition Parse(string text)
    {
        if (!text.EndsWith('\n')) throw new FormatException("the exposition must end with a line feed");
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helped = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        string? current = null;
        var lines = text[..^1].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            string Where() => $"line {i + 1}: {line}";
            if (line.StartsWith('#'))
            {
                var comment = Comment().Match(line);
                if (!comment.Success) throw new FormatException("not a HELP or TYPE line: " + Where());
                var name = comment.Groups["name"].Value;
                if (comment.Groups["kind"].Value == "TYPE")
                {
                    if (!Types.Contains(comment.Groups["rest"].Value)) throw new FormatException("unknown type: " + Where());
                    if (!types.TryAdd(name, comment.Groups["rest"].Value)) throw new FormatException("second TYPE: " + Where());
                }
                else if (!helped.Add(name)) throw new FormatException("second HELP: " + Where());
                Enter(name);
                continue;
            }
            var sample = Sample().Match(line);
            if (!sample.Success) throw new FormatException("not name{labels} value: " + Where());
            var family = FamilyOf(sample.Groups["name"].Value, types) ?? throw new FormatException("no TYPE before the sample: " + Where());
            Enter(family);
            samples.Add(new PrometheusSample(sample.Groups["name"].Value, Labels(sample.Groups["labels"].Value, Where), Number(sample.Groups["value"].Value, Where)));

            void Enter(string name)
            {
                if (name == current) return;
                if (current is not null) finished.Add(current);
                if (finished.Contains(name)) throw new FormatException("the lines of a family are not one group: " + Where());
                current = name;
            }
        }
        return new Exposition(types, helped, samples);
    }

    private static string? FamilyOf(string name, Dictionary<string, string> types)
    {
        if (types.ContainsKey(name)) return name;
        foreach (var (suffix, type) in new[] { ("_sum", "summary"), ("_count", "summary"), ("_sum", "histogram"), ("_count", "histogram"), ("_bucket", "histogram") })
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var t) && t == type)
                return name[..^suffix.Length];
        return null;
    }

    /// <summary>name="value" pairs separated by commas, read character by character for the escapes.</summary>
    private static Dictionary<string, string> Labels(string text, Func<string> where)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var name = LabelName().Match(text, i);
            if (!name.Success) throw new FormatException("bad label name: " + where());
            i += name.Length;
            if (i + 1 >= text.Length || text[i] != '=' || text[i + 1] != '"') throw new FormatException("label without =\": " + where());
            i += 2;
            var value = new StringBuilder();
            while (true)
            {
                if (i >= text.Length) throw new FormatException("unterminated label value: " + where());
                var c = text[i++];
                if (c == '"') break;
                if (c != '\\') { value.Append(c); continue; }
                if (i >= text.Length) throw new FormatException("dangling backslash: " + where());
                value.Append(text[i++] switch
                {
                    '\\' => '\\',
                    '"' => '"',
                    'n' => '\n',
                    _ => throw new FormatException("unknown escape: " + where()),
                });
            }
            if (!labels.TryAdd(name.Value, value.ToString())) throw new FormatException("label twice: " + where());
            if (i < text.Length && text[i++] != ',') throw new FormatException("labels not separated by commas: " + where());
        }
        return labels;
    }

    private static double Number(string text, Func<string> where) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw new FormatException("not a number: " + where()),
    };

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.*)$")]
    private static partial Regex Comment();

    /// <summary>The labels run to the last '}' (label values may hold braces and spaces; the value cannot).</summary>
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>.*)\})? (?<value>\S+)(?: -?\d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"\G[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelName();
}
