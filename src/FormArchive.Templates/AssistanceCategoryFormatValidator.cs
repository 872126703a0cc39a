using FormArchive.Domain;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace FormArchive.Templates;

/// <summary>
/// JSON Schema <c>"format": "assistance-category"</c>: a category name, form label, abbreviation or code
/// that <see cref="AssistanceCategory.TryParse"/> knows (低保, 最低生活保障, 最低生活保障对象, dibao …).
/// </summary>
public sealed class AssistanceCategoryFormatValidator : IFormatValidator
{
    /// <summary>The format name used in schemas.</summary>
    public const string FormatName = "assistance-category";

    /// <inheritdoc/>
    public string Format => FormatName;

    /// <inheritdoc/>
    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.NotInEnumeration;

    /// <inheritdoc/>
    public bool IsValid(string value, JTokenType tokenType) =>
        tokenType != JTokenType.String || AssistanceCategory.TryParse(value, out _);
}
