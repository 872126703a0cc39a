using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

/// <summary>Amounts in 元 to the 分; household = per-capita × covered persons.</summary>
public class BenefitAmountTests
{
    [Theory]
    [InlineData("206", true)]
    [InlineData("206.5", true)]
    [InlineData("206.55", true)]
    [InlineData("206.555", false)]
    public void Amounts_are_whole_fen(string amount, bool ok) => Assert.Equal(ok, BenefitAmount.IsWholeFen(decimal.Parse(amount)));

    [Fact]
    public void Household_amount_is_per_capita_times_covered_persons()
    {
        Assert.Equal(1854m, BenefitAmount.Household(206m, 9));
        Assert.True(BenefitAmount.IsConsistent(206m, 9, 1854m));
        Assert.True(BenefitAmount.IsConsistent(333.33m, 3, 999.99m));
        Assert.False(BenefitAmount.IsConsistent(206m, 9, 1850m));
        Assert.Throws<ArgumentOutOfRangeException>(() => BenefitAmount.Household(1m, -1));
    }

    [Fact]
    public void Monthly_amounts_from_yearly_ones_are_divided_by_twelve_to_the_fen()
    {
        Assert.Equal(800m, BenefitAmount.MonthlyFromAnnual(9600m));
        Assert.Equal(816.67m, BenefitAmount.MonthlyFromAnnual(9800m));
    }
}
