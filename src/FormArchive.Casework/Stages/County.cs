namespace FormArchive.Casework.Stages;

/// <summary>
/// A county (县、区) as the approval sees it: its civil-affairs bureau, the townships whose cases it approves, whose
/// procedure they follow and which categories it has delegated to them.
/// </summary>
public sealed record County(string Name, string Bureau, IReadOnlyList<string> Townships, LocalRules Rules, ConfirmingLevels Levels)
{
    public bool Holds(string township) => Townships.Contains(township.Trim(), StringComparer.Ordinal);
}
