using FormArchive.Domain;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace FormArchive.Templates;

/// <summary>
/// JSON Schema <c>"format": "date-or-month"</c>: "2024-05-30" or "2024-05" (<see cref="ChineseDate.TryParseIso"/>).
/// </summary>
public sealed class IsoDateOrMonthFormatValidator : IFormatValidator
{
    /// <summary>The format name used in schemas.</summary>
    public const string FormatName = "date-or-month";

    /// <inheritdoc/>
    public string Format => FormatName;

    /// <inheritdoc/>
    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateExpected;

    /// <inheritdoc/>
    public bool IsValid(string value, JTokenType tokenType) =>
        tokenType != JTokenType.String || ChineseDate.TryParseIso(value, out _, out _);
}
