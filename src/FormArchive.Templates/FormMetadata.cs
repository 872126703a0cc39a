using System.Text.Json.Serialization;

namespace FormArchive.Templates;

/// <summary>
/// Metadata of one form, read from <c>&lt;name&gt;.form.json</c> (snake_case keys).
/// </summary>
public sealed record FormMetadata
{
    /// <summary>Catalog id, "&lt;jurisdiction&gt;.&lt;name&gt;", e.g. <c>chizhou.acceptance-notice</c>.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Title as printed, e.g. 池州市低收入人口申请受理告知书.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Jurisdiction folder name, e.g. <c>chizhou</c>.</summary>
    [JsonPropertyName("jurisdiction")]
    public required string Jurisdiction { get; init; }

    /// <summary>Jurisdiction in Chinese, e.g. 池州市.</summary>
    [JsonPropertyName("jurisdiction_name")]
    public string? JurisdictionName { get; init; }

    /// <summary>Document number of the policy that defines the form, e.g. 池民社救〔2024〕56号.</summary>
    [JsonPropertyName("source_document")]
    public string? SourceDocument { get; init; }

    /// <summary>Title of that policy document.</summary>
    [JsonPropertyName("source_title")]
    public string? SourceTitle { get; init; }

    /// <summary>Attachment (附件) number of the form in the source document.</summary>
    [JsonPropertyName("attachment")]
    public int? Attachment { get; init; }

    /// <summary>Paper size, e.g. "A4".</summary>
    [JsonPropertyName("paper")]
    public required string Paper { get; init; }

    /// <summary>"portrait" or "landscape".</summary>
    [JsonPropertyName("orientation")]
    public required string Orientation { get; init; }

    /// <summary>
    /// Dotted path in the case data of the notice number ({year, number}) printed under the title, e.g.
    /// <c>rejection.number</c>: a filed copy takes it as its 文号 in the 卷内目录. Null for forms without one.
    /// </summary>
    [JsonPropertyName("doc_number")]
    public string? DocNumberPath { get; init; }

    /// <summary>Free text: who fills it in, when it is used.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
