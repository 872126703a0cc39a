using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormArchive.Templates;

/// <summary>
/// A form's JSON Schema with its references into other files (<c>"../case.schema.json#/definitions/member"</c>)
/// copied into its own <c>definitions</c> and pointed there (<c>"#/definitions/member"</c>), so that a client which
/// fetched it over HTTP can resolve every <c>$ref</c> without the template folder.
/// </summary>
public static class SelfContainedSchema
{
    private const string DefinitionsPrefix = "#/definitions/";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep the Chinese titles readable
    };

    /// <summary>The schema text read from <paramref name="schemaPath"/>, self-contained.</summary>
    /// <exception cref="InvalidDataException">A reference that is not to a file's <c>#/definitions/NAME</c>, a missing
    /// definition, or two definitions of one name from different places.</exception>
    public static string Inline(string schemaJson, string schemaPath)
    {
        var root = ParseObject(schemaJson, schemaPath);
        var files = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var copied = new Dictionary<string, string>(StringComparer.Ordinal); // definition name → the file it came from
        // Each node to scan with the file its references are relative to.
        var pending = new Queue<(JsonNode Node, string File)>([(root, Path.GetFullPath(schemaPath))]);
        while (pending.TryDequeue(out var item))
        {
            foreach (var owner in Objects(item.Node))
            {
                if (owner["$ref"] is not JsonValue value || value.GetValue<string>() is not { } target) continue;
                var hash = target.IndexOf('#');
                if (hash < 0 || !target.AsSpan(hash).StartsWith(DefinitionsPrefix) || target.Length == hash + DefinitionsPrefix.Length)
                    throw new InvalidDataException($"$ref \"{target}\" must name #/definitions/NAME of this or another file");
                // "#/definitions/authorization/properties/number": the whole definition comes along, the pointer stays.
                var pointer = target[(hash + DefinitionsPrefix.Length)..];
                var name = pointer.Split('/')[0];
                // "#/definitions/x" inside a copied definition means x of the file it was copied from.
                var file = hash == 0 ? item.File : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(item.File)!, target[..hash]));
                if (file == Path.GetFullPath(schemaPath)) continue; // the form's own definition
                owner["$ref"] = DefinitionsPrefix + pointer;
                if (copied.TryGetValue(name, out var from))
                {
                    if (from != file) throw new InvalidDataException($"two definitions named '{name}': in {from} and in {file}");
                    continue;
                }
                if (!files.TryGetValue(file, out var other))
                    files[file] = other = ParseObject(File.ReadAllText(file), file);
                var definition = other["definitions"]?[name] ?? throw new InvalidDataException($"{file} has no definition '{name}'");
                var definitions = root["definitions"] as JsonObject ?? (JsonObject)(root["definitions"] = new JsonObject());
                if (definitions.ContainsKey(name)) throw new InvalidDataException($"two definitions named '{name}': in the form's schema and in {file}");
                var copy = definition.DeepClone();
                definitions[name] = copy;
                copied[name] = file;
                pending.Enqueue((copy, file));
            }
        }
        return root.ToJsonString(Indented);
    }

    private static JsonObject ParseObject(string json, string path) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object");

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o.ToList())
                    foreach (var inner in Objects(child)) yield return inner;
                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                    foreach (var inner in Objects(child)) yield return inner;
                break;
        }
    }
}
