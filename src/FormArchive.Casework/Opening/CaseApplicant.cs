namespace FormArchive.Casework.Opening;

/// <summary>The applicant of a case: always a household member, even if the member list forgot them.</summary>
public sealed record CaseApplicant(string Name, string IdNumber)
{
    // Records print every property; a logged applicant must not show the ID number.
    public override string ToString() => $"CaseApplicant {{ Name = {Name}, IdNumber = {IdNumberMasking.Mask(IdNumber)} }}";
}
