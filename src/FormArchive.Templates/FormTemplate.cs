using NJsonSchema;
using Scriban;

namespace FormArchive.Templates;

/// <summary>One form of the catalog: its metadata, the JSON Schema of its data and its parsed Scriban template.</summary>
public sealed class FormTemplate
{
    internal FormTemplate(FormMetadata metadata, string schemaJson, JsonSchema schema, Template template,
        string templatePath, string schemaPath, string metadataPath)
    {
        Metadata = metadata;
        SchemaJson = schemaJson;
        Schema = schema;
        Template = template;
        TemplatePath = templatePath;
        SchemaPath = schemaPath;
        MetadataPath = metadataPath;
    }

    /// <summary>Shortcut for <c>Metadata.Id</c>.</summary>
    public string Id => Metadata.Id;

    /// <summary>Contents of <c>&lt;name&gt;.form.json</c>.</summary>
    public FormMetadata Metadata { get; }

    /// <summary>
    /// The text of <c>&lt;name&gt;.schema.json</c>, self-contained: the definitions it takes from
    /// <c>../case.schema.json</c> copied into its own <c>definitions</c> (<see cref="SelfContainedSchema"/>).
    /// </summary>
    public string SchemaJson { get; }

    /// <summary>The schema with all <c>$ref</c>s (including <c>../case.schema.json</c>) resolved.</summary>
    public JsonSchema Schema { get; }

    /// <summary>The parsed Scriban template producing document markup (docs/markup.md).</summary>
    public Template Template { get; }

    /// <summary>Full path of the <c>.scriban</c> file.</summary>
    public string TemplatePath { get; }

    /// <summary>Full path of the <c>.schema.json</c> file.</summary>
    public string SchemaPath { get; }

    /// <summary>Full path of the <c>.form.json</c> file.</summary>
    public string MetadataPath { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Metadata.Id} ({Metadata.Title})";
}
