namespace FormArchive.Casework;

/// <summary>One line of a case's timeline as the archivist reads it beside the 卷内目录 (China time).</summary>
public sealed record TimelineEntry(DateOnly Date, TimeOnly Time, string What, string Actor, string? Outcome, string? Reason, string? Note)
{
    /// <summary>The volume whose log holds the step (the case itself or a 补充卷), where known.</summary>
    public string? Volume { get; init; }
    /// <summary>件号 (in <see cref="Volume"/>) of the documents filed for the step, such as the form printed at it.</summary>
    public IReadOnlyList<int> Documents { get; init; } = [];
}
