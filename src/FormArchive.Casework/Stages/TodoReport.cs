namespace FormArchive.Casework.Stages;

/// <summary>
/// A township's 待办 list on a China-time day, most urgent first, split by bucket (已逾期, 今日到期, 3个工作日内到期);
/// <see cref="Problems"/> names cases whose stored steps could not be replayed (they need an archivist).
/// </summary>
public sealed record TodoReport(string Township, DateOnly Today, IReadOnlyList<TodoLine> Items, IReadOnlyList<string> Problems)
{
    public IReadOnlyList<TodoLine> Overdue => [.. Items.Where(i => i.Bucket == TodoBucket.Overdue)];
    public IReadOnlyList<TodoLine> DueToday => [.. Items.Where(i => i.Bucket == TodoBucket.DueToday)];
    public IReadOnlyList<TodoLine> DueWithin3WorkingDays => [.. Items.Where(i => i.Bucket == TodoBucket.DueWithin3WorkingDays)];
    /// <summary>The cases back from the county for 补正 (退回补正), oldest return first, whatever their deadlines.</summary>
    public IReadOnlyList<ReturnedLine> Returned { get; init; } = [];
}
