namespace FormArchive.Domain;

/// <summary>
/// 性别 and 出生年月 against the ID number: forms fill them from a valid number when the data leaves them out
/// (<see cref="ChineseIdNumber.Sex"/>, <see cref="ChineseIdNumber.BirthDate"/>), and a value given that
/// contradicts the number is an error in the data.
/// </summary>
public static class IdNumberFacts
{
    /// <summary>Whether a given sex (男/女; blank = not given) contradicts <paramref name="id"/>.</summary>
    public static bool SexContradicts(string? givenSex, ChineseIdNumber id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var s = givenSex?.Trim();
        return !string.IsNullOrEmpty(s) && s != id.Sex;
    }

    /// <summary>
    /// Whether a given date of birth contradicts <paramref name="id"/>: a full date ("1958-03-12") must equal the
    /// birth date in the number, a year-month ("1958-03") its year and month. Blank or unparseable text (which the
    /// schema rejects) is not a contradiction.
    /// </summary>
    public static bool BirthContradicts(string? givenBirth, ChineseIdNumber id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!ChineseDate.TryParseIso(givenBirth, out var date, out var hasDay))
            return false;
        return hasDay
            ? date != id.BirthDate
            : date.Year != id.BirthDate.Year || date.Month != id.BirthDate.Month;
    }
}
