namespace FormArchive.Casework.Opening;

/// <summary>A household member as the application lists them: the ingest pipeline matches ID numbers read on scans against these.</summary>
public sealed record CaseMember(string Name, string IdNumber, bool RequiresIdScan = true)
{
    // Records print every property; a logged member must not show the ID number.
    public override string ToString() => $"CaseMember {{ Name = {Name}, IdNumber = {IdNumberMasking.Mask(IdNumber)} }}";
}
