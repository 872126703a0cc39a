using FormArchive.Domain;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace FormArchive.Templates;

/// <summary>
/// JSON Schema <c>"format": "cn-id-number"</c>: an 18-character ID number with a correct check character
/// (<see cref="ChineseIdNumber"/>). An empty string is accepted (number not known; left for handwriting).
/// </summary>
public sealed class IdNumberFormatValidator : IFormatValidator
{
    /// <summary>The format name used in schemas.</summary>
    public const string FormatName = "cn-id-number";

    /// <inheritdoc/>
    public string Format => FormatName;

    /// <inheritdoc/>
    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.PatternMismatch;

    /// <inheritdoc/>
    public bool IsValid(string value, JTokenType tokenType) =>
        tokenType != JTokenType.String || value.Length == 0 || ChineseIdNumber.IsValid(value);
}
