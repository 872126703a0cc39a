using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public sealed class HouseholdTermsTests
{
    [Theory]
    [InlineData("妻", true), InlineData("长子", true), InlineData(" 孙 女 ", true), InlineData("户主", true), InlineData("外孙女婿", true)]
    [InlineData("龙兰", false), InlineData("安徽省", false), InlineData("户主关系", false), InlineData("", false), InlineData(null, false)]
    public void RelationshipTermsAreThoseOfTheRegister(string? text, bool term) => Assert.Equal(term, HouseholdRelationship.IsTerm(text));

    [Theory]
    [InlineData("汉", "汉"), InlineData("汉族", "汉"), InlineData("土家族", "土家"), InlineData("维吾尔族", "维吾尔"), InlineData("土", "土")]
    [InlineData("家族", null), InlineData("汊", null), InlineData("", null), InlineData(null, null)]
    public void EthnicityIsOneOfTheFiftySix(string? text, string? name) => Assert.Equal(name, Ethnicity.Of(text));

    [Fact]
    public void ThereAreFiftySixEthnicGroups() => Assert.Equal(56, Ethnicity.Count);
}
