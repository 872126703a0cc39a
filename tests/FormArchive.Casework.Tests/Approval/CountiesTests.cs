using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Tests.Approval;

/// <summary>The counties and their townships: which county approves a township's cases.</summary>
public class CountiesTests
{
    [Fact]
    public void The_embedded_counties_hold_the_seeds_townships_with_their_procedures()
    {
        Assert.Equal("贵池区", Counties.Embedded.OfTownship("秋浦街道")!.Name);
        var yunyang = Counties.Embedded.OfTownship(" 巴阳镇 ")!;
        Assert.Equal(LocalRules.Yunyang, yunyang.Rules);
        Assert.Equal(ApprovalLevel.County, yunyang.Levels.For(AssistanceCategory.Dibao));
        Assert.Null(Counties.Embedded.OfTownship("不存在镇"));
    }

    [Fact]
    public void A_township_set_in_two_counties_is_refused()
    {
        var a = Counties.Parse("甲县", null, ["一镇", "二镇"], "chizhou", null);
        var b = Counties.Parse("乙县", null, ["二镇"], "chizhou", null);
        var e = Assert.Throws<ArgumentException>(() => new Counties([a, b]));
        Assert.Contains("二镇", e.Message);
    }

    [Fact]
    public void A_county_is_parsed_from_its_settings_with_its_bureau_defaulted_and_its_delegation_over_its_procedure()
    {
        var c = Counties.Parse("巫溪县", null, ["城厢镇", " ", "城厢镇"], "云阳", "临时救助=乡镇");
        Assert.Equal("巫溪县民政局", c.Bureau);
        Assert.Equal(["城厢镇"], c.Townships);
        Assert.Equal(ApprovalLevel.Township, c.Levels.For(AssistanceCategory.Temporary));
        Assert.Equal(ApprovalLevel.County, c.Levels.For(AssistanceCategory.Dibao));
        Assert.Throws<ArgumentException>(() => Counties.Parse("空县", null, [], null, null));
        Assert.Throws<ArgumentException>(() => Counties.Parse("错县", null, ["一镇"], "shanghai", null));
    }
}
