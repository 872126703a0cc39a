using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public class IdNumberMaskingTests
{
    [Theory]
    [InlineData("110105199001010029", "110105********0029")]
    [InlineData("34172319580312001X", "341723********001X")]
    [InlineData("34172319580312001x", "341723********001X")]
    [InlineData(" 341723198504020039 ", "341723********0039")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("12345", "*****")]
    [InlineData("1234567890", "**********")]
    [InlineData("12345678901", "123456*8901")]
    public void Keeps_first_six_and_last_four(string? input, string expected)
    {
        Assert.Equal(expected, IdNumberMasking.Mask(input));
    }
}
