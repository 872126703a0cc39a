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

    [Theory]
    [InlineData("key 110105199001010029 revoked", "key 110105********0029 revoked")]
    [InlineData("case-34172319580312001x-V2", "case-341723********001X-V2")]
    [InlineData("户主341723198504020039，成员110105900101002", "户主341723********0039，成员110105*****1002")]
    [InlineData("6228480402564890018 and 1234567890123456789", "6228480402564890018 and 1234567890123456789")]
    [InlineData("20261127 / 2026-11-27 / 13912345678", "20261127 / 2026-11-27 / 13912345678")]
    [InlineData(null, "")]
    public void Masks_every_id_number_in_free_text_but_not_longer_or_shorter_digit_runs(string? text, string expected)
    {
        Assert.Equal(expected, IdNumberMasking.MaskInText(text));
    }
}
