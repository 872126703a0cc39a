using System.Text.Json.Nodes;
using FormArchive.Domain;

namespace FormArchive.Templates.Printing;

/// <summary>
/// The 文号 of a printed form: the notice number its metadata points at (<see cref="FormMetadata.DocNumberPath"/>),
/// written as the form prints it, “（2024年第 3 号）”. Null when the form has none or the data leaves it blank,
/// as the blank paper form does.
/// </summary>
public static class FormDocNumber
{
    public static string? Of(FormMetadata form, string? jsonData)
    {
        if (form.DocNumberPath is not { Length: > 0 } path || string.IsNullOrWhiteSpace(jsonData)) return null;
        JsonNode? node;
        try { node = JsonNode.Parse(jsonData); }
        catch (System.Text.Json.JsonException) { return null; }   // printing has already refused bad data
        foreach (var part in path.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        if (node is not JsonObject number) return null;
        int? year = Int(number["year"]), serial = Int(number["number"]);
        return year is { } y && serial is { } n ? NoticeNumber.Format(y, n) : null;
    }

    private static int? Int(JsonNode? n) => n is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
}
