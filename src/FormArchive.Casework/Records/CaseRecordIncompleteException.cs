using FormArchive.Templates.Printing;

namespace FormArchive.Casework.Records;

/// <summary>The newest saved version lacks what the form needs on paper (x-print-required); the message names every item, in Chinese.</summary>
public sealed class CaseRecordIncompleteException(string formTitle, int version, IReadOnlyList<MissingField> missing)
    : InvalidOperationException($"打印{formTitle}还缺 {missing.Count} 项：{string.Join("、", missing.Select(m => m.Label))}")
{
    public int Version { get; } = version;
    public IReadOnlyList<MissingField> Missing { get; } = missing;
}
