using FormArchive.Domain;

namespace FormArchive.Tests.Domain;

public class AssistanceCategoryTests
{
    [Fact]
    public void Six_categories_in_the_legal_examination_order()
    {
        Assert.Equal(
            ["特困人员", "最低生活保障对象", "低保边缘家庭", "刚性支出困难家庭", "其他低收入人口", "临时救助"],
            AssistanceCategory.All.Select(c => c.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6], AssistanceCategory.All.Select(c => c.Order));
        var shuffled = AssistanceCategory.All.Reverse().ToList();
        shuffled.Sort();
        Assert.Equal(AssistanceCategory.All, shuffled);
    }

    [Fact]
    public void Form_labels_are_those_printed_on_the_review_form()
    {
        Assert.Equal("最低生活保障", AssistanceCategory.Dibao.FormLabel);
        Assert.Equal("特困人员救助", AssistanceCategory.ExtremelyPoor.FormLabel);
        Assert.Equal("低保边缘家庭", AssistanceCategory.DibaoMarginal.FormLabel);
        Assert.Equal("刚性支出困难家庭", AssistanceCategory.RigidExpenditure.FormLabel);
        Assert.Equal("其他低收入人口", AssistanceCategory.OtherLowIncome.FormLabel);
        Assert.Equal("临时救助", AssistanceCategory.Temporary.FormLabel);
    }

    [Theory]
    [InlineData("最低生活保障对象", "dibao")]
    [InlineData("最低生活保障", "dibao")]
    [InlineData("低保", "dibao")]
    [InlineData(" DIBAO ", "dibao")]
    [InlineData("特困人员", "tekun")]
    [InlineData("特困人员救助", "tekun")]
    [InlineData("低保边缘", "dibao_marginal")]
    [InlineData("刚性支出困难家庭", "rigid_expenditure")]
    [InlineData("其他低收入人口", "other_low_income")]
    [InlineData("临时救助", "temporary")]
    public void Parses_from_either_label(string text, string code)
    {
        Assert.True(AssistanceCategory.TryParse(text, out var category));
        Assert.Equal(code, category.Code);
        Assert.Same(category, AssistanceCategory.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("五保")]
    public void Unknown_labels_are_rejected(string? text)
    {
        Assert.False(AssistanceCategory.TryParse(text, out _));
        var ex = Assert.Throws<FormatException>(() => AssistanceCategory.Parse(text));
        Assert.Contains("特困人员、最低生活保障对象", ex.Message);
    }
}
