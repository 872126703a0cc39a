using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;

namespace FormArchive.Tests.Approval;

/// <summary>Which level confirms each category: the seeds' defaults, a county's own setting, and what a case stores.</summary>
public class ConfirmingLevelsTests
{
    [Theory]
    [InlineData("低保", ApprovalLevel.Township)]
    [InlineData("特困", ApprovalLevel.Township)]
    [InlineData("临时救助", ApprovalLevel.Township)]
    [InlineData("低保边缘", ApprovalLevel.County)]
    [InlineData("刚性支出困难", ApprovalLevel.County)]
    [InlineData("其他低收入人口", ApprovalLevel.County)]
    public void Chizhou_delegates_what_attachment_3_lists_as_delegated(string category, ApprovalLevel expected) =>
        Assert.Equal(expected, ConfirmingLevels.Chizhou.For(AssistanceCategory.Parse(category)));

    [Fact]
    public void Yunyang_submits_everything_to_the_county() =>
        Assert.All(AssistanceCategory.All, c => Assert.Equal(ApprovalLevel.County, ConfirmingLevels.Yunyang.For(c)));

    [Fact]
    public void A_case_goes_to_the_county_as_soon_as_one_category_is_the_countys()
    {
        Assert.Equal(ApprovalLevel.Township, ConfirmingLevels.Chizhou.ForCase([AssistanceCategory.Dibao, AssistanceCategory.Temporary]));
        Assert.Equal(ApprovalLevel.County, ConfirmingLevels.Chizhou.ForCase([AssistanceCategory.Dibao, AssistanceCategory.RigidExpenditure]));
    }

    [Fact]
    public void A_countys_setting_overrides_the_default_category_by_category()
    {
        var levels = ConfirmingLevels.Parse("临时救助=县， 低保边缘=乡镇", ConfirmingLevels.Chizhou);
        Assert.Equal(ApprovalLevel.County, levels.For(AssistanceCategory.Temporary));
        Assert.Equal(ApprovalLevel.Township, levels.For(AssistanceCategory.DibaoMarginal));
        Assert.Equal(ApprovalLevel.Township, levels.For(AssistanceCategory.Dibao));
        Assert.Equal(ApprovalLevel.County, ConfirmingLevels.Chizhou.For(AssistanceCategory.DibaoMarginal)); // the default is untouched
    }

    [Theory]
    [InlineData("低保")]
    [InlineData("低保=市")]
    [InlineData("五保=县")]
    public void A_setting_that_names_no_category_or_level_is_refused_in_Chinese(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => ConfirmingLevels.Parse(text, ConfirmingLevels.Chizhou));
        Assert.Contains("类别=乡镇", e.Message);
    }

    [Fact]
    public void The_table_a_case_stores_reads_back_the_same_whatever_the_default_later_becomes()
    {
        var accepted = ConfirmingLevels.Parse("临时救助=县", ConfirmingLevels.Chizhou);
        var back = ConfirmingLevels.FromCodes(accepted.ToCodes(), ConfirmingLevels.Yunyang);
        Assert.All(AssistanceCategory.All, c => Assert.Equal(accepted.For(c), back.For(c)));
    }
}
