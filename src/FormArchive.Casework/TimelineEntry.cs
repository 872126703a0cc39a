namespace FormArchive.Casework;

/// <summary>One line of a case's timeline as the archivist reads it beside the 卷内目录 (China time).</summary>
public sealed record TimelineEntry(DateOnly Date, TimeOnly Time, string What, string Actor, string? Outcome, string? Reason, string? Note)
{
    /// <summary>The volume whose log holds the step (the case itself or a 补充卷), where known.</summary>
    public string? Volume { get; init; }
    /// <summary>件号 (in <see cref="Volume"/>) of the documents filed for the step, such as the form printed at it.</summary>
    public IReadOnlyList<int> Documents { get; init; } = [];
    /// <summary>Who signed the step: "秋浦街道 经办人 王五" (unit, post, name); null for steps recorded before people signed.</summary>
    public string? SignedBy { get; init; }
    /// <summary>For 退回补正: the items the township is to supply.</summary>
    public IReadOnlyList<string> Supply { get; init; } = [];
    /// <summary>For a 审核确认 批准: the amounts and the first month decided.</summary>
    public ApprovalTerms? Terms { get; init; }
}
