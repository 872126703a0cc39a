using FormArchive.Templates.Printing;
using FormArchive.Tests.Forms;

namespace FormArchive.Tests.Templates;

/// <summary>A filed notice's 文号 is the number printed under its title, read from the data the form printed.</summary>
public sealed class FormDocNumberTests
{
    [Theory]
    [InlineData("chizhou.rejection-notice", "notice-rejection.json", "rejection")]
    [InlineData("chizhou.approval-notice", "notice-approval.json", "approval")]
    [InlineData("chizhou.benefit-adjustment-notice", "notice-adjustment.json", "benefit_adjustment")]
    public void A_decision_notice_s_number_is_its_doc_number_as_printed(string formId, string sample, string section)
    {
        var data = FormsFixture.Sample(sample);
        var number = System.Text.Json.Nodes.JsonNode.Parse(data)![section]!["number"]!;
        var expected = $"（{(int)number["year"]!}年第 {(int)number["number"]!} 号）";
        Assert.Equal(expected, FormDocNumber.Of(FormsFixture.Catalog.Get(formId).Metadata, data));
    }

    [Fact]
    public void Forms_without_a_number_blank_data_or_a_blank_number_give_none()
    {
        var rejection = FormsFixture.Catalog.Get("chizhou.rejection-notice").Metadata;
        Assert.Null(FormDocNumber.Of(rejection, null));
        Assert.Null(FormDocNumber.Of(rejection, "{}"));
        Assert.Null(FormDocNumber.Of(rejection, """{ "rejection": { "number": { "year": 2024, "number": null } } }"""));
        Assert.Null(FormDocNumber.Of(rejection, """{ "rejection": { "number": "17" } }"""));
        Assert.Null(FormDocNumber.Of(FormsFixture.Catalog.Get("chizhou.review-form").Metadata, FormsFixture.Sample("case.json")));
        Assert.Equal("（2025年第 3 号）", FormDocNumber.Of(rejection, """{ "rejection": { "number": { "year": 2025, "number": 3 } } }"""));
    }
}
