namespace FormArchive.Casework;

/// <summary>
/// Where a case stands on a given day: its stage, every deadline so far (open and done), the 公示
/// period and the first benefit month once known, and the warnings that make any date uncertain.
/// </summary>
public sealed record CaseStatus(
    CaseStage Stage,
    IReadOnlyList<Deadline> Deadlines,
    DateOnly? PublicityStart,
    DateOnly? PublicityEnd,
    DateOnly? BenefitFromMonth,
    DateOnly? RollDate,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Submitted to the county and not yet returned or decided (its decision countersigned): the county's to act on,
    /// frozen for the township.
    /// </summary>
    public bool WithCounty { get; init; }

    /// <summary>The deadlines still to meet, earliest first.</summary>
    public IReadOnlyList<Deadline> Open => [.. Deadlines.Where(d => d.IsOpen).OrderBy(d => d.Due)];

    /// <summary>The next deadline to meet, or null when nothing is open.</summary>
    public Deadline? Next => Open.FirstOrDefault();

    /// <summary>The open deadlines already missed on <paramref name="today"/>.</summary>
    public IReadOnlyList<Deadline> Overdue(DateOnly today) => [.. Open.Where(d => d.IsOverdue(today))];
}
