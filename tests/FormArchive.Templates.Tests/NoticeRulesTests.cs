using FormArchive.Domain;
using FormArchive.Templates;
using Scriban.Runtime;

namespace FormArchive.Tests.Domain;

/// <summary>The rules of the notices and public notices (池民社救〔2024〕56号 attachments 6–10), each in one Domain class.</summary>
public class NoticeRulesTests
{
    [Fact]
    public void Publicity_period_is_7_days_and_the_end_date_counts_the_start_day()
    {
        Assert.Equal(7, PublicityPeriod.Days);
        Assert.Equal(new DateOnly(2024, 7, 16), PublicityPeriod.EndDate(new DateOnly(2024, 7, 10)));
        Assert.Equal(new DateOnly(2024, 3, 4), PublicityPeriod.EndDate(new DateOnly(2024, 2, 27))); // leap year
        Assert.Equal(new DateOnly(2025, 1, 2), PublicityPeriod.EndDate(new DateOnly(2024, 12, 27)));
        Assert.Equal(7, PublicityPeriod.EndDate(new DateOnly(2024, 7, 10)).DayNumber - new DateOnly(2024, 7, 10).DayNumber + 1);
        // template functions: the end date as ISO text (date_cn prints it), nothing for a blank start
        Assert.Equal("2024-07-16", TemplateFunctions.PublicityEnd("2024-07-10"));
        Assert.Equal("", TemplateFunctions.PublicityEnd(null));
        Assert.Equal("", TemplateFunctions.PublicityEnd("2024-07"));
        Assert.Equal(7, TemplateFunctions.PublicityDays());
    }

    [Fact]
    public void Notice_number_formats_as_year_and_number_and_the_number_starts_at_1()
    {
        Assert.Equal("（2024年第 3 号）", NoticeNumber.Format(2024, 3));
        Assert.Equal("（2025年第 128 号）", NoticeNumber.Format(2025, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoticeNumber.Format(2024, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoticeNumber.Format(2024, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoticeNumber.Format(24, 1));
        Assert.Equal("（2024年第 17 号）", TemplateFunctions.NoticeNo(2024L, 17L));
        Assert.Equal("（2024年第 17 号）", TemplateFunctions.NoticeNo(2024m, 17m));
        Assert.Equal("", TemplateFunctions.NoticeNo(2024L, null));
        Assert.Equal("", TemplateFunctions.NoticeNo(null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => TemplateFunctions.NoticeNo(2024L, 0L));
    }

    [Fact]
    public void Appeal_windows_are_15_days_for_review_and_60_days_for_administrative_reconsideration()
    {
        Assert.Equal(15, AppealWindow.ReviewRequestDays);
        Assert.Equal(60, AppealWindow.AdministrativeReconsiderationDays);
        Assert.Equal(15, AppealWindow.DaysFor("复查"));
        Assert.Equal(60, AppealWindow.DaysFor("行政复议"));
        Assert.Throws<ArgumentException>(() => AppealWindow.DaysFor("诉讼"));
        Assert.Equal(15, TemplateFunctions.AppealDays("复查"));
        Assert.Equal(60, TemplateFunctions.AppealDays("行政复议"));
    }

    [Theory]
    [InlineData("低保边缘家庭")]
    [InlineData("低保边缘")]
    [InlineData("刚性支出困难家庭")]
    [InlineData("其他低收入人口")]
    [InlineData("other_low_income")]
    public void Proposed_amount_is_无_for_marginal_rigid_expenditure_and_other_low_income_families(string category)
    {
        Assert.True(ProposedBenefit.HasNoAmount(AssistanceCategory.Parse(category)));
        Assert.Equal("无", ProposedBenefit.Text(AssistanceCategory.Parse(category), 300m));
        Assert.Equal("无", TemplateFunctions.ProposedAmount(category, 300L));
        Assert.Equal("无", TemplateFunctions.ProposedAmount(category, null));
    }

    [Theory]
    [InlineData("最低生活保障")]
    [InlineData("特困人员")]
    [InlineData("临时救助")]
    public void Proposed_amount_is_the_money_amount_for_categories_with_a_cash_benefit(string category)
    {
        Assert.False(ProposedBenefit.HasNoAmount(AssistanceCategory.Parse(category)));
        Assert.Equal("1,675.00", ProposedBenefit.Text(AssistanceCategory.Parse(category), 1675m));
        Assert.Equal("1,675.00", TemplateFunctions.ProposedAmount(category, 1675L));
        Assert.Equal("", TemplateFunctions.ProposedAmount(category, null));
    }

    [Fact]
    public void Category_order_sorts_families_by_the_legal_order_stably_with_unknown_last()
    {
        var families = new[] { ("a", "低保边缘家庭"), ("b", "临时救助"), ("c", "低保"), ("d", (string?)null), ("e", "特困"), ("f", "最低生活保障对象"), ("g", "其他低收入人口"), ("h", "刚性支出困难家庭") };
        var sorted = CategoryOrder.Sort(families, f => f.Item2).Select(f => f.Item1);
        Assert.Equal(["e", "c", "f", "a", "h", "g", "b", "d"], sorted);
        Assert.Equal(AssistanceCategory.All, CategoryOrder.Normalise(["临时救助", "其他低收入", "刚性支出困难", "低保边缘", "低保", "特困", "低保", "?"]));
    }

    [Fact]
    public void Sort_by_category_template_function_orders_script_objects_and_keeps_padding_rows_last()
    {
        ScriptObject Row(string? name, object? category) => new() { ["applicant_name"] = name, ["category"] = category };
        var rows = new ScriptArray { Row("周", "低保边缘家庭"), Row("汪", "最低生活保障"), Row(null, null), Row("陈", "特困人员"), Row("吴", new ScriptArray { "临时救助", "低保" }) };
        var sorted = TemplateFunctions.SortByCategory(rows, "category").Cast<ScriptObject>().Select(r => r["applicant_name"] as string);
        Assert.Equal(["陈", "汪", "吴", "周", null], sorted);
        Assert.Empty(TemplateFunctions.SortByCategory(null, "category"));
    }
}
