using System.Text.Json;
using System.Text.Json.Serialization;
using FormArchive.Renderer.Rendering;

namespace FormArchive.Api.Forms;

/// <summary>
/// Body of POST /api/forms/render?format=zip:
/// <c>{ "forms": [ "chizhou.acceptance-notice", { "id": "chizhou.review-publicity", "data": {…} } ], "data": {…}, "documents": "pdf" }</c>.
/// A form given by id alone is printed with the top-level <c>data</c>; an object with a <c>data</c> property is
/// printed with that (null: blank) instead. <c>documents</c> is pdf (default), docx or both. Unknown properties are
/// refused, so that a misspelt "documents" does not quietly give PDFs.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FormBundleRequest
{
    /// <summary>More forms than a clerk prints for one household at once.</summary>
    public const int MaxForms = 20;

    public IReadOnlyList<JsonElement>? Forms { get; init; }
    public JsonElement? Data { get; init; }
    public string? Documents { get; init; }

    /// <summary>The forms in request order.</summary>
    /// <exception cref="JsonException">
    /// The list is missing, empty, too long or has an item that is neither an id nor {id, data}; <see cref="JsonException.Path"/> names it.
    /// </exception>
    public IReadOnlyList<FormBundleItem> Items()
    {
        if (Forms is null || Forms.Count == 0)
            throw new JsonException("请至少列出一个表单编号", "$.forms", null, null);
        if (Forms.Count > MaxForms)
            throw new JsonException($"一次最多 {MaxForms} 个表单，而不是 {Forms.Count} 个", "$.forms", null, null);
        var shared = DataText(Data);
        return Forms.Select((item, i) => Item(item, i, shared)).ToList();
    }

    /// <summary>The formats each form is printed in, PDF before DOCX.</summary>
    /// <exception cref="JsonException"><c>documents</c> is not pdf, docx or both.</exception>
    public IReadOnlyList<OutputFormat> Formats() => (Documents ?? "pdf").Trim().ToLowerInvariant() switch
    {
        "pdf" => [OutputFormat.Pdf],
        "docx" => [OutputFormat.Docx],
        "both" => [OutputFormat.Pdf, OutputFormat.Docx],
        _ => throw new JsonException($"documents 应为 pdf、docx 或 both，而不是“{Documents}”", "$.documents", null, null),
    };

    private static FormBundleItem Item(JsonElement item, int index, string? shared)
    {
        var path = $"$.forms[{index}]";
        if (item.ValueKind == JsonValueKind.String)
            return new FormBundleItem(item.GetString()!, shared, "$.data");
        if (item.ValueKind != JsonValueKind.Object)
            throw new JsonException("表单应写作其编号，或 {\"id\": …, \"data\": {…}}", path, null, null);

        string? id = null;
        var data = shared;
        var dataPath = "$.data";
        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name)
            {
                case "id":
                    id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()
                        : throw new JsonException("表单编号应为字符串", path + ".id", null, null);
                    break;
                case "data":
                    data = DataText(property.Value);
                    dataPath = path + ".data";
                    break;
                default:
                    throw new JsonException($"多余的属性“{property.Name}”（表单只有 id 和 data）", $"{path}.{property.Name}", null, null);
            }
        }
        if (string.IsNullOrEmpty(id))
            throw new JsonException("缺少表单编号", path + ".id", null, null);
        return new FormBundleItem(id, data, dataPath);
    }

    private static string? DataText(JsonElement? data) => data is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } d ? d.GetRawText() : null;
}
