using FormArchive.Templates;

namespace FormArchive.Tests.Templates;

/// <summary>The case rules run after schema validation (<see cref="CaseRules"/> via <see cref="FormRenderer"/>).</summary>
public class CaseRulesTests
{
    private static FormTemplate Form(string id) => TestCatalog.Instance.Get(id);

    private static IReadOnlyList<FormDataError> Errors(string json, string form = "chizhou.home-visit-survey") =>
        TestCatalog.Renderer.Validate(Form(form), json);

    private const string Man = "34172319580312001X";        // 汪德顺, born 1958-03-12
    private const string Woman = "34172319600815002X";      // 章秀兰, born 1960-08-15
    private const string Son = "341723198504020039";        // 汪建国, born 1985-04-02
    private const string Grandson = "341723201009010057";   // 汪子涵, born 2010-09-01

    [Fact]
    public void Sex_contradicting_the_ID_number_is_an_error_naming_the_member()
    {
        var json = $$"""{"members":[{"name":"汪德顺","id_number":"{{Man}}"},{"name":"章秀兰","sex":"女","id_number":"{{Woman}}"},{"name":"汪建国","sex":"女","id_number":"{{Son}}"}]}""";
        var error = Assert.Single(Errors(json));
        Assert.Equal("$.members[2].sex", error.Path);
        Assert.Contains("汪建国", error.Message);
        Assert.Equal("IdNumberMismatch", error.Kind);
        var ex = Assert.Throws<FormDataException>(() => TestCatalog.Renderer.RenderMarkup(Form("chizhou.home-visit-survey"), json));
        Assert.Contains("$.members[2].sex", ex.Message);
    }

    [Fact]
    public void Birth_date_contradicting_the_ID_number_is_an_error_naming_the_person()
    {
        var errors = Errors("{\"applicant\":{\"name\":\"汪德顺\",\"id_number\":\"" + Man + "\",\"birth_date\":\"1958-04\"},\"supporters\":[{\"name\":\"汪春梅\",\"birth_date\":\"1958-03\",\"id_number\":\"" + Woman + "\"}]}");
        Assert.Equal(["$.applicant.birth_date", "$.supporters[0].birth_date"], errors.Select(e => e.Path));
        Assert.Contains("申请人“汪德顺”", errors[0].Message);
        Assert.Contains("汪春梅", errors[1].Message);
    }

    [Fact]
    public void Sex_and_birth_fill_from_a_valid_ID_number_when_not_given()
    {
        var markup = TestCatalog.Renderer.RenderMarkup(Form("chizhou.home-visit-survey"), $$"""{"members":[{"name":"章秀兰","id_number":"{{Woman}}"}]}""");
        Assert.Contains(">女</td>", markup);
        var review = TestCatalog.Renderer.RenderMarkup(Form("chizhou.review-form"), "{\"applicant\":{\"name\":\"汪德顺\",\"id_number\":\"" + Man + "\"}}");
        Assert.Contains("1958年3月", review);
        Assert.Contains(">男</td>", review);
    }

    [Fact]
    public void Occupation_status_outside_the_seven_classes_is_an_error()
    {
        var error = Assert.Single(Errors("""{"members":[{"name":"汪建国","occupation_status":"务农"}]}""", "chizhou.review-form"));
        Assert.Equal("$.members[0].occupation_status", error.Path);
        Assert.Contains("汪建国", error.Message);
        Assert.Contains("老年人", error.Message);
    }

    [Theory]
    [InlineData("chizhou.review-form", """{"acceptance":{"date":"2024-07-03"}}""")]
    [InlineData("chizhou.home-visit-survey", """{"survey":{"date":"2024-07-03"}}""")]
    public void Occupation_status_left_empty_is_suggested_from_the_age_on_the_forms_date(string form, string dated)
    {
        var json = $$"""{"members":[{"name":"汪德顺","id_number":"{{Man}}"},{"name":"汪建国","id_number":"{{Son}}"},{"name":"汪子涵","occupation_status":"","id_number":"{{Grandson}}"}],{{dated[1..^1]}}}""";
        var markup = TestCatalog.Renderer.RenderMarkup(Form(form), json);
        Assert.Contains(">老年人</td>", markup);
        Assert.Contains(">其他人员</td>", markup);
        // 汪建国 is 39: nothing is suggested for an adult under 60.
        Assert.Equal(2, markup.Split(["老年人</td>", "其他人员</td>"], StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public void Amounts_finer_than_a_fen_are_errors()
    {
        var error = Assert.Single(Errors("""{"members":[{"name":"汪建国","annual_income":1200.005}]}"""));
        Assert.Equal("$.members[0].annual_income", error.Path);
        Assert.Equal("MoneyPrecision", error.Kind);
    }

    [Fact]
    public void Household_amount_must_be_per_capita_times_covered_persons()
    {
        Assert.Empty(Errors("""{"town_opinion":{"covered_persons":9,"dibao":{"per_capita_monthly":206,"household_monthly":1854}}}"""));
        var error = Assert.Single(Errors("""{"town_opinion":{"covered_persons":9,"dibao":{"per_capita_monthly":206,"household_monthly":1800}}}"""));
        Assert.Equal("$.town_opinion.dibao.household_monthly", error.Path);
        Assert.Equal("AmountMismatch", error.Kind);
        Assert.Contains("1,854.00", error.Message);
    }

    [Fact]
    public void Self_care_conclusion_must_follow_the_six_items()
    {
        const string items = "\"eating\":true,\"dressing\":true,\"transfer\":false,\"toileting\":true,\"indoor_walking\":false,\"bathing\":false";
        Assert.Empty(Errors("{\"survey\":{\"self_care\":{" + items + ",\"conclusion\":\"部分生活自理能力\"}}}"));
        var error = Assert.Single(Errors("{\"survey\":{\"self_care\":{" + items + ",\"conclusion\":\"有生活自理能力\"}}}"));
        Assert.Equal("$.survey.self_care.conclusion", error.Path);
        var markup = TestCatalog.Renderer.RenderMarkup(Form("chizhou.home-visit-survey"), "{\"survey\":{\"self_care\":{" + items + "}}}");
        Assert.Contains("<checkbox checked=\"true\"/><span nowrap=\"true\">部分生活自理能力</span>", markup);
    }

    [Fact]
    public void Rules_only_apply_to_what_the_form_declares()
    {
        // The acceptance notice does not print members: their data is not its concern.
        Assert.Empty(Errors($$"""{"members":[{"name":"汪建国","sex":"女","id_number":"{{Son}}"}]}""", "chizhou.acceptance-notice"));
    }

    [Fact]
    public void Every_case_sample_passes_the_rules_of_every_form_of_this_issue()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "samples"), "case*.json"))
        {
            foreach (var form in new[] { "chizhou.application-pledge", "chizhou.verification-authorization", "chizhou.home-visit-survey", "chizhou.review-form" })
            {
                var errors = TestCatalog.Renderer.Validate(Form(form), File.ReadAllText(file));
                Assert.True(errors.Count == 0, $"{Path.GetFileName(file)} × {form}: {string.Join("; ", errors)}");
            }
        }
    }
}
