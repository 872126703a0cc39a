using FormArchive.Templates;

namespace FormArchive.Tests.Templates;

public class FormRendererTests
{
    private static FormTemplate Review => TestCatalog.Instance.Get("chizhou.review-form");

    private static FormDataException Reject(string json, FormTemplate? form = null) =>
        Assert.Throws<FormDataException>(() => TestCatalog.Renderer.RenderMarkup(form ?? Review, json));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_data_renders_the_blank_form(string? data)
    {
        var blank = TestCatalog.Renderer.RenderMarkup(Review, data);
        Assert.Equal(blank, TestCatalog.Renderer.RenderMarkup(Review, null));
        MarkupAssert.Valid(blank);
    }

    [Fact]
    public void A_wrong_check_character_is_reported_at_its_path_with_the_domain_reason()
    {
        var ex = Reject("""{"applicant":{"name":"汪德顺","id_number":"341723195803120010"}}""");
        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.applicant.id_number", error.Path);
        Assert.Contains("校验码错误", error.Message);
        Assert.Contains("应为“X”", error.Message);
        Assert.Equal("IdNumber", error.Kind);
        Assert.Equal("chizhou.review-form", ex.FormId);
        Assert.Contains("$.applicant.id_number", ex.Message);
    }

    [Fact]
    public void A_legacy_15_digit_number_in_a_member_row_is_rejected()
    {
        var ex = Reject("""{"members":[{"name":"a"},{"name":"b","id_number":"341723580312001"}]}""");
        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.members[1].id_number", error.Path);
        Assert.Contains("15位旧版", error.Message);
    }

    [Fact]
    public void Several_errors_are_all_reported()
    {
        var ex = Reject("""
            {"household_size":"五","categories":["低保","五保"],
             "members":[{"name":"a","annual_income":"三千"},{"name":"b","annual_income":-5}],
             "acceptance":{"date":"2024-02-30"}}
            """);
        var paths = ex.Errors.Select(e => e.Path).ToList();
        Assert.Contains("$.household_size", paths);
        Assert.Contains("$.categories[1]", paths);
        Assert.Contains("$.members[0].annual_income", paths);
        Assert.Contains("$.members[1].annual_income", paths);
        Assert.Contains("$.acceptance.date", paths);
        Assert.True(ex.Errors.Count == 5, string.Join("\n", ex.Errors));
        Assert.Contains(ex.Errors, e => e.Path == "$.categories[1]" && e.Message.Contains("五保"));
        Assert.Contains(ex.Errors, e => e.Path == "$.acceptance.date" && e.Message.Contains("2024-02-30"));
        Assert.Contains(ex.Errors, e => e.Path == "$.members[0].annual_income" && e.Message.Contains("应为数字"));
    }

    [Theory]
    [InlineData("{", "不是有效的 JSON")]
    [InlineData("""{"a":1} x""", "不是有效的 JSON")]
    [InlineData("""{"a":1,"a":2}""", "不是有效的 JSON")]
    [InlineData("[1,2]", "应为 JSON 对象")]
    [InlineData("\"text\"", "应为 JSON 对象")]
    public void Data_that_is_not_a_json_object_is_rejected(string json, string expected)
    {
        var error = Assert.Single(Reject(json).Errors);
        Assert.Equal("$", error.Path);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Validate_returns_the_errors_without_throwing()
    {
        Assert.Empty(TestCatalog.Renderer.Validate(Review, TestPaths.ReadSample("case.json")));
        Assert.Empty(TestCatalog.Renderer.Validate(Review, null));
        Assert.Single(TestCatalog.Renderer.Validate(Review, """{"applicant":{"sex":"M"}}"""));
    }

    [Fact]
    public void Dates_in_iso_form_are_not_turned_into_datetimes()
    {
        var markup = TestCatalog.Renderer.RenderMarkup(TestCatalog.Instance.Get("chizhou.acceptance-notice"),
            """{"acceptance":{"date":"2024-07-03"}}""");
        Assert.Contains("date=\"2024年7月3日\"", markup);
    }

    [Fact]
    public void Strict_mode_a_template_using_an_undeclared_member_fails_at_load_naming_the_form()
    {
        using var temp = new TempTemplates().AddForm("strict", """
            <document title="t" paper="A4" orientation="portrait">{{ for m in members }}<p>{{ m.nmae }}</p>{{ end }}</document>
            """, """{"type":"object","properties":{"members":{"type":"array","x-min-rows":2,"items":{"type":"object","properties":{"name":{"type":"string"}}}}}}""");
        var ex = Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(temp.Root));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("test.strict", problem.FormId);
        Assert.Contains("nmae", problem.Message);
        Assert.Contains("strict.scriban", problem.Message); // Scriban's message carries the file, line and column
    }

    [Fact]
    public void Strict_mode_an_undeclared_variable_fails()
    {
        using var temp = new TempTemplates().AddForm("strict", """<document title="{{ titel }}" paper="A4" orientation="portrait"/>""");
        var ex = Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(temp.Root));
        Assert.Contains("titel", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public void Strict_mode_a_member_of_a_scalar_fails_at_render_time_as_a_template_error()
    {
        // blank data passes the trial render (the loop has no rows); real data reaches the bad member access
        using var temp = new TempTemplates().AddForm("strict", """
            <document title="t" paper="A4" orientation="portrait">{{ for t in tags }}<p>{{ t.name }}</p>{{ end }}</document>
            """, """{"type":"object","properties":{"tags":{"type":"array","items":{"type":"string"}}}}""");
        var catalog = TemplateCatalog.Load(temp.Root);
        var ex = Assert.Throws<TemplateRenderException>(() => TestCatalog.Renderer.RenderMarkup(catalog.Get("test.strict"), """{"tags":["a"]}"""));
        Assert.Equal("test.strict", ex.FormId);
        Assert.Contains("name", ex.ScribanMessage);
    }
}
