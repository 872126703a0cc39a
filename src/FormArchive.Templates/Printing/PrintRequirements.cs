using System.Text.Json.Nodes;

namespace FormArchive.Templates.Printing;

/// <summary>A field a form needs before it is printed from the case data for signature, and its Chinese name.</summary>
public sealed record MissingField(string Path, string Label);

/// <summary>
/// What a form must have before it is printed from the case: the schema's <c>x-print-required</c> map of JSON path
/// (<c>$.applicant.name</c>; an array counts when it has an item) to the field's Chinese name. Not JSON Schema's
/// <c>required</c>: a draft may be saved incomplete, and the blank paper form still prints.
/// </summary>
public static class PrintRequirements
{
    public const string Keyword = "x-print-required";

    public static IReadOnlyList<MissingField> Missing(FormTemplate form, JsonObject data)
    {
        if (JsonNode.Parse(form.SchemaJson)?[Keyword] is not JsonObject required) return [];
        var missing = new List<MissingField>();
        foreach (var (path, label) in required)
            if (IsEmpty(At(data, path)))
                missing.Add(new MissingField(path, label?.GetValue<string>() ?? path));
        return missing;
    }

    private static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
            node = node is JsonObject o ? o[part] : null;
        return node;
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
