using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("1234", "1,234.00")]
    [InlineData("0", "0.00")]
    [InlineData("0.5", "0.50")]
    [InlineData("0.125", "0.13")]
    [InlineData("0.135", "0.14")]
    [InlineData("-0.125", "-0.13")]
    [InlineData("1234567.891", "1,234,567.89")]
    [InlineData("999.995", "1,000.00")]
    [InlineData("-1234", "-1,234.00")]
    public void Formats_decimals(string amount, string expected)
    {
        Assert.Equal(expected, Money.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(1234d, "1,234.00")]
    [InlineData(2.675d, "2.68")] // binary 2.67499999… but the shortest representation is 2.675
    [InlineData(1.005d, "1.01")]
    [InlineData(8640.5d, "8,640.50")]
    public void Formats_doubles(double amount, string expected)
    {
        Assert.Equal(expected, Money.Format(amount));
    }

    [Fact]
    public void Is_independent_of_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal("1,234.50", Money.Format(1234.5m));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Format(double.NaN));
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("1234.5", null)]
    [InlineData("999999999999.99", null)]
    [InlineData("-0.01", "金额不能为负数（-0.01）。")]
    [InlineData("0.125", "金额最多精确到分（两位小数），不能是 0.125。")]
    [InlineData("1000000000000", "金额 1,000,000,000,000.00 元超出可记录的上限。")]
    public void An_amount_a_case_records_is_whole_fen_not_negative_and_bounded(string amount, string? problem) =>
        Assert.Equal(problem, Money.Problem(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
