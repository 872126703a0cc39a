using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public class PersonNameTests
{
    [Theory]
    [InlineData("张三")]
    [InlineData("阿依古丽·买买提")]
    [InlineData(" 孙明红 ")]
    public void Real_names_pass(string name) => Assert.Null(PersonName.Problem(name));

    [Theory]
    [InlineData(null, "不能为空")]
    [InlineData("  ", "不能为空")]
    [InlineData("张\n三", "控制字符")]
    public void Empty_or_control_characters_are_refused(string? name, string reason) => Assert.Contains(reason, PersonName.Problem(name));

    [Fact]
    public void A_name_of_300000_characters_is_refused_with_its_length()
    {
        Assert.Contains("300,000", PersonName.Problem(new string('张', 300_000)));
        Assert.Null(PersonName.Problem(new string('张', PersonName.MaxLength)));
        Assert.NotNull(PersonName.Problem(new string('张', PersonName.MaxLength + 1)));
    }
}
