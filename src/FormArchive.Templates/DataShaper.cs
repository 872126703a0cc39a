using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Scriban.Runtime;

namespace FormArchive.Templates;

/// <summary>
/// Turns (validated) case data into the Scriban model a template sees, walking the form's schema so that
/// the model always has the shape the schema declares, whatever was left out:
/// <list type="bullet">
/// <item>every declared property exists: absent scalars are <c>null</c>, absent objects are objects
/// whose own properties are shaped the same way, absent arrays are empty arrays;</item>
/// <item>arrays are padded with blank (shaped) items up to the schema keyword <c>"x-min-rows": N</c>,
/// so a template can print <c>m.name</c> on a padding row of a paper-like table;</item>
/// <item>properties the schema does not declare are kept as they are.</item>
/// </list>
/// Objects become <see cref="ScriptObject"/>, arrays <see cref="ScriptArray"/>, integers <see cref="long"/>,
/// other numbers <see cref="decimal"/>, strings and booleans themselves.
/// </summary>
public static class DataShaper
{
    /// <summary>The custom schema keyword giving the minimum number of rows of an array.</summary>
    public const string MinRowsKeyword = "x-min-rows";

    private const int MaxDepth = 64;

    /// <summary>Shapes <paramref name="data"/> (null for a blank form) against <paramref name="schema"/>.</summary>
    public static ScriptObject Shape(JToken? data, JsonSchema schema)
    {
        var shaped = ShapeValue(data, schema, 0);
        return shaped as ScriptObject ?? new ScriptObject();
    }

    /// <summary>The minimum row count declared on an array schema (0 when none).</summary>
    public static int MinRows(JsonSchema schema)
    {
        foreach (var s in new[] { schema, schema.ActualSchema })
        {
            if (s.ExtensionData is { } ext && ext.TryGetValue(MinRowsKeyword, out var raw) && raw is not null)
            {
                var text = System.Convert.ToString(raw, CultureInfo.InvariantCulture);
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0)
                    return n;
                throw new InvalidOperationException($"“{MinRowsKeyword}” must be a non-negative integer, got “{text}”.");
            }
        }
        return 0;
    }

    private static object? ShapeValue(JToken? token, JsonSchema? schema, int depth)
    {
        if (token is { Type: JTokenType.Null or JTokenType.Undefined })
            token = null;
        if (schema is null || depth > MaxDepth)
            return Convert(token);

        var actual = schema.ActualSchema;
        var properties = DeclaredProperties(actual);
        var isArray = actual.Type.HasFlag(JsonObjectType.Array) || actual.Item is not null;
        var isObject = actual.Type.HasFlag(JsonObjectType.Object) || properties.Count > 0;

        if (isArray && (token is null || token is JArray))
        {
            var itemSchema = actual.Item;
            var array = new ScriptArray();
            if (token is JArray items)
            {
                foreach (var item in items)
                    array.Add(ShapeValue(item, itemSchema, depth + 1));
            }
            var minRows = MinRows(schema);
            while (array.Count < minRows)
                array.Add(ShapeValue(null, itemSchema, depth + 1));
            return array;
        }

        if (isObject && (token is null || token is JObject))
        {
            var obj = new ScriptObject();
            var json = token as JObject;
            foreach (var (name, propertySchema) in properties)
                obj[name] = ShapeValue(json?[name], propertySchema, depth + 1);
            if (json is not null)
            {
                foreach (var p in json.Properties())
                {
                    if (!properties.ContainsKey(p.Name))
                        obj[p.Name] = Convert(p.Value);
                }
            }
            return obj;
        }

        // ID numbers print as the standard writes them: a lowercase x check character becomes X.
        if (actual.Format == IdNumberFormatValidator.FormatName && token is JValue { Type: JTokenType.String } id
            && FormArchive.Domain.ChineseIdNumber.TryParse((string?)id, out var parsed, out _))
            return parsed.Value;

        return Convert(token);
    }

    /// <summary>Every property a schema declares, following <c>$ref</c> and <c>allOf</c> (bounded depth).</summary>
    internal static Dictionary<string, JsonSchema> DeclaredProperties(JsonSchema schema)
    {
        var result = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        Collect(schema, result, 0);
        return result;

        static void Collect(JsonSchema s, Dictionary<string, JsonSchema> into, int depth)
        {
            if (depth > 8)
                return;
            s = s.ActualSchema;
            foreach (var (name, property) in s.ActualProperties)
                into.TryAdd(name, property);
            foreach (var part in s.AllOf)
                Collect(part, into, depth + 1);
        }
    }

    /// <summary>Converts JSON to Scriban values without a schema.</summary>
    public static object? Convert(JToken? token)
    {
        switch (token)
        {
            case null:
                return null;
            case JObject o:
            {
                var so = new ScriptObject();
                foreach (var p in o.Properties())
                    so[p.Name] = Convert(p.Value);
                return so;
            }
            case JArray a:
            {
                var sa = new ScriptArray();
                foreach (var item in a)
                    sa.Add(Convert(item));
                return sa;
            }
            case JValue v:
                return v.Type switch
                {
                    JTokenType.Null or JTokenType.Undefined => null,
                    JTokenType.String => (object?)(string?)v,
                    JTokenType.Boolean => (bool)v,
                    // (object) casts: without them the conditional's type would be decimal for integers too
                    JTokenType.Integer => v.Value is System.Numerics.BigInteger big ? (object)(decimal)big : (object)System.Convert.ToInt64(v.Value,
                        CultureInfo.InvariantCulture),
                    JTokenType.Float => v.Value is decimal m ? (object)m : (object)System.Convert.ToDecimal(v.Value, CultureInfo.InvariantCulture),
                    JTokenType.Date => v.Value is DateTime dt ? dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                        : v.ToString(CultureInfo.InvariantCulture),
                    _ => v.ToString(CultureInfo.InvariantCulture),
                };
            default:
                return token.ToString();
        }
    }
}
