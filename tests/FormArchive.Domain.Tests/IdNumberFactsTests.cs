using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

/// <summary>性别 and 出生年月 against the ID number.</summary>
public class IdNumberFactsTests
{
    private static readonly ChineseIdNumber Man = ChineseIdNumber.Parse("34172319580312001X");

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("男", false)]
    [InlineData("女", true)]
    public void A_sex_that_contradicts_the_ID_number_is_detected(string? sex, bool contradicts) =>
        Assert.Equal(contradicts, IdNumberFacts.SexContradicts(sex, Man));

    [Theory]
    [InlineData(null, false)]
    [InlineData("1958-03", false)]
    [InlineData("1958-03-12", false)]
    [InlineData("1958-04", true)]
    [InlineData("1958-03-13", true)]
    [InlineData("1959-03", true)]
    public void A_birth_date_that_contradicts_the_ID_number_is_detected(string? birth, bool contradicts) =>
        Assert.Equal(contradicts, IdNumberFacts.BirthContradicts(birth, Man));
}
