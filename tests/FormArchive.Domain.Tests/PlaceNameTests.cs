using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public class PlaceNameTests
{
    [Theory]
    [InlineData("尧渡镇", "尧渡")]
    [InlineData("木镇镇", "木镇")]
    [InlineData("秋浦街道", "秋浦")]
    [InlineData("秋浦街道办事处", "秋浦")]
    [InlineData("牛头山乡", "牛头山")]
    [InlineData(" 尧渡镇 ", "尧渡")]
    [InlineData("尧渡", "尧渡")]
    [InlineData("镇", "镇")]
    [InlineData("街道", "街道")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Township_drops_its_own_suffix_once(string? name, string expected) =>
        Assert.Equal(expected, PlaceName.Township(name));

    [Theory]
    [InlineData("永丰村", "永丰")]
    [InlineData("杏花社区", "杏花")]
    [InlineData("杏花村社区", "杏花村")]
    [InlineData("东门居委会", "东门")]
    [InlineData("东门居民委员会", "东门")]
    [InlineData("永丰村民委员会", "永丰")]
    [InlineData("永丰村委会", "永丰")]
    [InlineData("新村", "新")]
    [InlineData("村", "村")]
    [InlineData("社区", "社区")]
    [InlineData("红岩", "红岩")]
    [InlineData(null, "")]
    public void Village_drops_its_own_suffix_once(string? name, string expected) =>
        Assert.Equal(expected, PlaceName.Village(name));

    [Fact]
    public void A_township_suffix_is_not_taken_from_a_village_and_the_reverse()
    {
        Assert.Equal("永丰村", PlaceName.Township("永丰村"));
        Assert.Equal("尧渡镇", PlaceName.Village("尧渡镇"));
    }
}
