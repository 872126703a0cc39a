using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(" 池民社救〔2024〕56号 ", "池民社救〔2024〕56号")]
    [InlineData("（2025年第 3 号）", "（2025年第 3 号）")]
    public void Blank_is_none_and_a_number_is_trimmed(string? given, string? recorded)
    {
        Assert.True(DocumentNumber.TryNormalize(given, out var number, out var error));
        Assert.Equal(recorded, number);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("池民社救〔2024〕\n56号", "控制字符")]
    [InlineData("池民社救\t56号", "控制字符")]
    public void A_number_with_control_characters_is_refused(string given, string says)
    {
        Assert.False(DocumentNumber.TryNormalize(given, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(says, error);
    }

    [Fact]
    public void A_number_longer_than_fifty_characters_is_refused_and_fifty_is_accepted()
    {
        Assert.True(DocumentNumber.TryNormalize(new string('号', DocumentNumber.MaxLength), out var fifty, out _));
        Assert.Equal(DocumentNumber.MaxLength, fifty!.Length);
        Assert.False(DocumentNumber.TryNormalize(new string('号', DocumentNumber.MaxLength + 1), out _, out var error));
        Assert.Equal("文号最多 50 个字符，给出的有 51 个。", error);
    }
}
