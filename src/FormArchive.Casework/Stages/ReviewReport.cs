namespace FormArchive.Casework.Stages;

/// <summary>A township's 定期复核名单 for one month (<see cref="Month"/> is its first day); problems as in the 待办 list.</summary>
public sealed record ReviewReport(string Township, DateOnly Month, IReadOnlyList<ReviewLine> Entries, IReadOnlyList<string> Problems);
