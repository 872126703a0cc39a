namespace FormArchive.Domain;

/// <summary>
/// A date reckoned on the working-day calendar, with the warnings that make it uncertain
/// (a year whose holidays are not loaded was counted as weekends only).
/// </summary>
public sealed record WorkingDayResult(DateOnly Date, IReadOnlyList<string> Warnings)
{
    /// <summary>True when every day counted lies in a year whose official holidays are known.</summary>
    public bool IsCertain => Warnings.Count == 0;
}
