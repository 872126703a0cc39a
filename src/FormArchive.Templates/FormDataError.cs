namespace FormArchive.Templates;

/// <summary>One problem with the data given for a form.</summary>
/// <param name="Path">JSON path of the offending value, e.g. <c>$.applicant.id_number</c> or <c>$.members[2].annual_income</c>; <c>$</c> for the document
/// itself.</param>
/// <param name="Message">What is wrong, in Chinese, fit to show to the caseworker.</param>
/// <param name="Kind">Machine-readable kind (NJsonSchema's ValidationErrorKind name, or <c>InvalidJson</c>, <c>IdNumber</c>, <c>Date</c>).</param>
public sealed record FormDataError(string Path, string Message, string Kind)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
