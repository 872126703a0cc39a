using System.Text.Json.Nodes;
using FormArchive.Domain;

namespace FormArchive.Casework.Records;

/// <summary>Which fields changed between two versions: both flattened to JSON path → value, then compared.</summary>
public static class CaseRecordDiff
{
    public static IReadOnlyList<CaseRecordChange> Between(JsonNode? before, JsonNode? after)
    {
        var a = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var b = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        Flatten(before, "$", a);
        Flatten(after, "$", b);
        return a.Keys.Union(b.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal)
            .Select(k => (k, x: a.GetValueOrDefault(k), y: b.GetValueOrDefault(k)))
            .Where(t => t.x != t.y)
            .Select(t => new CaseRecordChange(t.k, Show(t.k, t.x), Show(t.k, t.y)))
            .ToList();
    }

    private static void Flatten(JsonNode? node, string path, IDictionary<string, string?> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o) Flatten(value, $"{path}.{key}", into);
                break;
            case JsonArray arr:
                for (int i = 0; i < arr.Count; i++) Flatten(arr[i], $"{path}[{i}]", into);
                break;
            case null:
                break; // null and absent are the same to a form
            default:
                var text = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                if (text.Length > 0) into[path] = text;
                break;
        }
    }

    // The desk shows the change, not the number: an ID number is shown masked.
    private static string? Show(string path, string? value) =>
        value is not null && path.EndsWith("id_number", StringComparison.Ordinal) ? IdNumberMasking.Mask(value) : value;
}
