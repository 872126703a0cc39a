namespace FormArchive.Casework.Stages;

/// <summary>
/// A county's queue on <see cref="Today"/>: the cases its townships have submitted that await its decision or its
/// 负责人's countersign, oldest deadline first; <see cref="Problems"/> lists cases whose stored steps do not replay.
/// </summary>
public sealed record CountyQueueReport(string County, string Bureau, DateOnly Today, IReadOnlyList<CountyQueueLine> Lines, IReadOnlyList<string> Problems)
{
    /// <summary>The county's townships, for the desk's filter.</summary>
    public IReadOnlyList<string> Townships { get; init; } = [];
}
