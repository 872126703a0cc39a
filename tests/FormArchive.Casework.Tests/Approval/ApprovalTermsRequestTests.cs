using FormArchive.Casework;

namespace FormArchive.Tests.Approval;

/// <summary>A 批准's terms as a clerk types them: months in the ways people write them, amounts in yuan, the lists' own words.</summary>
public class ApprovalTermsRequestTests
{
    [Theory]
    [InlineData("2024-04", 2024, 4)]
    [InlineData("2024-4", 2024, 4)]
    [InlineData("2024年4月", 2024, 4)]
    [InlineData("2024 年 12 月", 2024, 12)]
    [InlineData("2024-04-01", 2024, 4)]
    [InlineData("2024/04", 2024, 4)]
    public void A_month_is_read_as_its_first_day(string text, int year, int month) =>
        Assert.Equal(new DateOnly(year, month, 1), ApprovalTermsRequest.ParseMonth(text));

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-02-30")]
    [InlineData("四月")]
    [InlineData("1999-01")]
    [InlineData("2024")]
    public void What_is_not_a_month_is_refused(string text) => Assert.Null(ApprovalTermsRequest.ParseMonth(text));

    [Fact]
    public void Each_refusal_names_the_field_as_the_form_prints_it()
    {
        Assert.Contains("人均补助金额", Refusal(new ApprovalTermsRequest { PerCapitaMonthly = -1m }));
        Assert.Contains("至多两位小数", Refusal(new ApprovalTermsRequest { HouseholdMonthly = 10.005m }));
        Assert.Contains("供养形式应为分散供养或集中供养", Refusal(new ApprovalTermsRequest { SupportForm = "在家" }));
        Assert.Contains("照料护理标准", Refusal(new ApprovalTermsRequest { CareLevel = "部分护理" }));
        Assert.Contains("起始月份", Refusal(new ApprovalTermsRequest { FromMonth = "下个月" }));
        Assert.Contains("纳入人数", Refusal(new ApprovalTermsRequest { CoveredPersons = 0 }));
    }

    [Fact]
    public void Good_terms_are_trimmed_and_kept()
    {
        var t = new ApprovalTermsRequest { SupportForm = " 集中供养 ", CareLevel = "全护理", CareMonthly = 300m, FromMonth = "2024年5月" }.ToTerms(out var refusal);
        Assert.Null(refusal);
        Assert.Equal("集中供养", t!.SupportForm);
        Assert.Equal(new DateOnly(2024, 5, 1), t.FromMonth);
        Assert.Equal(300m, t.CareMonthly);
    }

    private static string Refusal(ApprovalTermsRequest r)
    {
        Assert.Null(r.ToTerms(out var refusal));
        return refusal!;
    }
}
