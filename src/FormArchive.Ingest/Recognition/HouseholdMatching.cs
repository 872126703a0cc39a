using FormArchive.Domain;

namespace FormArchive.Ingest.Recognition;

/// <summary>A member of the case's household as the case knows it.</summary>
public sealed record HouseholdMember(string Name, string IdNumber, bool RequiresIdScan = true)
{
    /// <summary>Adults (18+ on <paramref name="today"/>) and members to be covered need ID scans.</summary>
    public bool IsAdultOn(DateOnly today) => ChineseIdNumber.TryParse(IdNumber, out var id, out _) && id.AgeAt(today) >= 18;
}

/// <summary>Matches validated ID numbers to household members.</summary>
public static class HouseholdMatching
{
    /// <summary>The member whose (normalised) ID number equals <paramref name="validNumber"/>, if any.</summary>
    public static HouseholdMember? Match(string validNumber, IEnumerable<HouseholdMember> members) =>
        members.FirstOrDefault(m => ChineseIdNumber.TryParse(m.IdNumber, out var id, out _) && id.Value == validNumber);
}
