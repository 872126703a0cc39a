using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91110108551385082Q", "91110108551385082Q")]
    [InlineData(" 91350100m000100y43 ", "91350100M000100Y43")] // trimmed, upper-cased
    [InlineData("91440300708461136T", "91440300708461136T")]
    public void Published_codes_pass_their_check_character(string given, string kept)
    {
        Assert.True(UnifiedSocialCreditCode.TryNormalize(given, out var code, out var error), error);
        Assert.Equal(kept, code);
    }

    [Theory]
    [InlineData("91110108551385082A", "第18位应为“Q”")]
    [InlineData("9111010855138508", "应为18位，实际为16位")]
    [InlineData("91110108551385O82Q", "第15位“O”不是代码字符")]
    [InlineData("", "应为18位，实际为0位")]
    public void Other_codes_are_refused_saying_why(string given, string says)
    {
        Assert.False(UnifiedSocialCreditCode.TryNormalize(given, out var code, out var error));
        Assert.Null(code);
        Assert.Contains(says, error);
    }
}
