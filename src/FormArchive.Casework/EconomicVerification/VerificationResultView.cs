namespace FormArchive.Casework.EconomicVerification;

/// <summary>One value of a 核对 result as a desk shows it: the field's JSON name, its Chinese label, the value as text.</summary>
public sealed record LabelledValue(string Field, string Label, string Value);

/// <summary>A column of a list: the field's JSON name and its Chinese label.</summary>
public sealed record LabelledColumn(string Field, string Label);

/// <summary>
/// One list of a 核对 result as a desk shows it: its columns (the fields any row gives, in the labels table's order) and
/// its rows, each field's value as text (amounts as 1,234.00, ID numbers masked). An empty list was checked and found nothing.
/// </summary>
public sealed record LabelledTable(string Field, string Label, IReadOnlyList<LabelledColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

/// <summary>
/// A 核对 result filed in a case, as the township and county desks show it: where it is filed (volume, 件号 of the
/// report and of its data), who made it and when, the report's values and every list, labelled; and the members of the
/// case's household (as it is now) whom the result does not name.
/// </summary>
public sealed record VerificationResultView(
    string Volume, int? ReportDocumentNo, int DataDocumentNo, string Agency, string? ReportNumber, DateOnly? CheckedOn, DateTimeOffset FiledAt,
    IReadOnlyList<LabelledValue> Summary, IReadOnlyList<LabelledTable> Sections, IReadOnlyList<string> HouseholdNotChecked);

/// <summary>An earlier 核对 result of the case, from the 卷内目录 alone: where it is filed, who made it, its date and number.</summary>
public sealed record VerificationResultEntry(string Volume, int? ReportDocumentNo, int DataDocumentNo, string Agency, string? ReportNumber,
    DateOnly? CheckedOn, DateTimeOffset FiledAt);

/// <summary>A case's 核对 results: the current one (the newest filed) in full, the earlier ones newest first.</summary>
public sealed record CaseVerificationView(VerificationResultView Current, IReadOnlyList<VerificationResultEntry> Earlier);
