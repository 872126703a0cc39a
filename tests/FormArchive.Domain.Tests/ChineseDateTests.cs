using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public class ChineseDateTests
{
    [Fact]
    public void Formats_dates_without_leading_zeros()
    {
        Assert.Equal("2024年5月30日", ChineseDate.Format(new DateOnly(2024, 5, 30)));
        Assert.Equal("2024年12月1日", ChineseDate.Format(new DateOnly(2024, 12, 1)));
        Assert.Equal("2024年5月", ChineseDate.FormatMonth(new DateOnly(2024, 5, 30)));
        Assert.Equal("1958年3月", ChineseDate.FormatMonth(1958, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseDate.FormatMonth(1958, 13));
    }

    [Theory]
    [InlineData("2024-05-30", true, 2024, 5, 30, true)]
    [InlineData(" 2024-05-30 ", true, 2024, 5, 30, true)]
    [InlineData("2024-05", true, 2024, 5, 1, false)]
    [InlineData("2024-02-30", false, 1, 1, 1, false)]
    [InlineData("2024-13", false, 1, 1, 1, false)]
    [InlineData("2024/05/30", false, 1, 1, 1, false)]
    [InlineData("2024-5-30", false, 1, 1, 1, false)]
    [InlineData("", false, 1, 1, 1, false)]
    [InlineData(null, false, 1, 1, 1, false)]
    public void Parses_iso_dates_and_months(string? text, bool ok, int y, int m, int d, bool hasDay)
    {
        Assert.Equal(ok, ChineseDate.TryParseIso(text, out var date, out var parsedHasDay));
        Assert.Equal(new DateOnly(y, m, d), date);
        Assert.Equal(hasDay, parsedHasDay);
    }

    [Fact]
    public void Formats_iso_text_from_data()
    {
        Assert.True(ChineseDate.TryFormatIso("2024-05-30", out var day));
        Assert.Equal("2024年5月30日", day);
        Assert.True(ChineseDate.TryFormatIso("2024-05", out var month));
        Assert.Equal("2024年5月", month);
        Assert.False(ChineseDate.TryFormatIso("30/05/2024", out _));
        var ex = Assert.Throws<FormatException>(() => ChineseDate.ParseIso("2024-02-30", out _));
        Assert.Contains("2024-02-30", ex.Message);
    }
}
