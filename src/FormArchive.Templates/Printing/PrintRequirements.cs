using System.Text.Json.Nodes;

namespace FormArchive.Templates.Printing;

/// <summary>A field a form needs before it is printed from the case data for signature, and its Chinese name.</summary>
public sealed record MissingField(string Path, string Label);

/// <summary>
/// What a form must have before it is printed from the case: the schema's <c>x-print-required</c> map of JSON path
/// to the field's Chinese name. <c>$.applicant.name</c> names one field (an array counts when it has an item);
/// <c>$.members[*].relationship</c> the field in every row, each missing one reported by its own path
/// (<c>$.members[1].relationship</c>, “与申请人关系（第 2 行）”) so the clerk is led to that cell. Not JSON Schema's
/// <c>required</c>: a draft may be saved incomplete, and the blank paper form still prints.
/// </summary>
public static class PrintRequirements
{
    public const string Keyword = "x-print-required";
    private const string EveryRow = "[*]";

    public static IReadOnlyList<MissingField> Missing(FormTemplate form, JsonObject data)
    {
        if (JsonNode.Parse(form.SchemaJson)?[Keyword] is not JsonObject required) return [];
        var missing = new List<MissingField>();
        foreach (var (path, label) in required)
            Collect(data, "$", path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries), label?.GetValue<string>() ?? path, null, missing);
        return missing;
    }

    /// <summary>The fields JSON Schema properties name by a required path, top-level first (for checking the map itself).</summary>
    public static IEnumerable<string[]> Properties(FormTemplate form) =>
        (JsonNode.Parse(form.SchemaJson)?[Keyword] as JsonObject ?? []).Select(p => p.Key.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.EndsWith(EveryRow, StringComparison.Ordinal) ? s[..^EveryRow.Length] : s).ToArray());

    private static void Collect(JsonNode? node, string at, string[] parts, string label, int? row, List<MissingField> missing)
    {
        for (int i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.EndsWith(EveryRow, StringComparison.Ordinal))
            {
                var key = part[..^EveryRow.Length];
                // No rows: nothing to ask of each row (whether there must be rows is a requirement of its own).
                if ((node as JsonObject)?[key] is not JsonArray rows) return;
                for (int r = 0; r < rows.Count; r++)
                    Collect(rows[r], $"{at}.{key}[{r}]", parts[(i + 1)..], label, r, missing);
                return;
            }
            node = node is JsonObject o ? o[part] : null;
            at += "." + part;
        }
        if (IsEmpty(node)) missing.Add(new MissingField(at, row is { } n ? $"{label}（第 {n + 1} 行）" : label));
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetValue<string>()),
        _ => false,
    };
}
