using FormArchive.Templates;
using NJsonSchema;

namespace FormArchive.Casework.Records;

/// <summary>templates/case.schema.json loaded once: the schema a case's data is saved against.</summary>
public sealed class CaseSchema(TemplateCatalog catalog)
{
    private readonly Lazy<JsonSchema> _schema = new(() => JsonSchema.FromFileAsync(Path.Combine(catalog.Root, "case.schema.json")).GetAwaiter().GetResult());

    public JsonSchema Schema => _schema.Value;
}
