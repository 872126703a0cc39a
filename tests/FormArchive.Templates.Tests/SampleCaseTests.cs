using FormArchive.Domain;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace FormArchive.Tests.Templates;

public class SampleCaseTests
{
    public static TheoryData<string> Samples => ["case.json", "case-15-members.json"];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Samples_match_the_shared_case_schema(string sample)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.TemplatesRoot, "case.schema.json"));
        var errors = schema.Validate(TestPaths.ReadSample(sample), FormArchive.Templates.FormRenderer.CreateValidatorSettings());
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Samples_render_every_form(string sample)
    {
        foreach (var form in TestCatalog.Instance.Forms)
            MarkupAssert.Valid(TestCatalog.Renderer.RenderMarkup(form, TestPaths.ReadSample(sample)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_people_have_valid_distinct_id_numbers(string sample)
    {
        var json = JObject.Parse(TestPaths.ReadSample(sample));
        var ids = json.SelectTokens("$..id_number").Select(t => (string)t!).ToList();
        Assert.NotEmpty(ids);
        foreach (var id in ids)
            Assert.True(ChineseIdNumber.TryParse(id, out _, out var error), error);
        var people = json["members"]!.Concat(json["supporters"]!).Select(p => (string)p["id_number"]!).ToList();
        Assert.Equal(people.Count, people.Distinct().Count());
        Assert.Equal((string)json["applicant"]!["id_number"]!, (string)json["members"]![0]!["id_number"]!);
    }

    [Fact]
    public void The_large_sample_has_fifteen_members()
    {
        Assert.Equal(15, JObject.Parse(TestPaths.ReadSample("case-15-members.json"))["members"]!.Count());
        Assert.InRange(JObject.Parse(TestPaths.ReadSample("case.json"))["members"]!.Count(), 4, 5);
    }
}
