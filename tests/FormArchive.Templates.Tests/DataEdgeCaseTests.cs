using FormArchive.Templates;
using FormArchive.Tests.Forms;

namespace FormArchive.Tests.Templates;

/// <summary>Issue 12's data edge cases: how values are echoed in errors and printed on forms.</summary>
public class DataEdgeCaseTests
{
    private static FormTemplate Review => FormsFixture.Catalog.Get("chizhou.review-form");

    private static FormDataException Reject(string json) =>
        Assert.Throws<FormDataException>(() => FormsFixture.Templates.RenderMarkup(Review, json));

    [Fact]
    public void A_lowercase_x_check_character_is_printed_upper_case()
    {
        var json = FormsFixture.Sample("case.json").Replace("34172319580312001X", "34172319580312001x");
        Assert.Contains("34172319580312001x", json);
        var markup = FormsFixture.Templates.RenderMarkup(Review, json);
        Assert.Contains("34172319580312001X", markup);
        Assert.DoesNotContain("34172319580312001x", markup);
    }

    [Fact]
    public void A_string_where_a_number_belongs_says_it_is_text()
    {
        var ex = Reject("""{"members":[{"name":"a","annual_income":"1000"}]}""");
        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.members[0].annual_income", error.Path);
        Assert.Contains("文本“1000”", error.Message);
        Assert.Contains("应为数字", error.Message);
    }

    [Theory]
    [InlineData("1e9", "1000000000")]
    [InlineData("1.5E3", "1500")]
    [InlineData("150.5", "150.5")]
    public void A_number_in_exponent_form_is_echoed_as_written_plainly(string json, string shown)
    {
        var ex = Reject($$"""{"household_size": {{json}}}""");
        var error = Assert.Single(ex.Errors);
        Assert.Contains(shown, error.Message);
        Assert.DoesNotContain(shown + ".0", error.Message);
    }

    [Fact]
    public void A_large_amount_in_exponent_form_prints_as_money()
    {
        var markup = FormsFixture.Templates.RenderMarkup(Review, """{"members":[{"name":"a","annual_income":1e7}]}""");
        Assert.Contains("10,000,000.00", markup);
    }
}
