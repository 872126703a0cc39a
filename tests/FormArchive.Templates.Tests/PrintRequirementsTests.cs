using System.Text.Json.Nodes;
using FormArchive.Templates.Printing;

namespace FormArchive.Tests.Templates;

/// <summary>What the 申请书 needs before it is printed from the case data (its schema's x-print-required).</summary>
public class PrintRequirementsTests
{
    private static readonly FormArchive.Templates.FormTemplate Application = TestCatalog.Instance.Get("yunyang.application");

    private static JsonObject Complete() => JsonNode.Parse("""
        { "applicant": { "name": "王俊", "id_number": "341723197112182931" }, "categories": ["低保"], "township": "巴阳镇", "village": "桂花村",
          "members": [ { "name": "王俊" } ], "economic_status": "无存款", "hardship_reason": "患病" }
        """)!.AsObject();

    [Fact]
    public void Complete_data_lacks_nothing() => Assert.Empty(PrintRequirements.Missing(Application, Complete()));

    [Fact]
    public void Absent_blank_null_and_empty_lists_are_missing_and_named_in_chinese()
    {
        var data = Complete();
        data["applicant"]!.AsObject().Remove("name");
        data["economic_status"] = "  ";
        data["hardship_reason"] = null;
        data["members"] = new JsonArray();
        data["categories"] = "";
        var missing = PrintRequirements.Missing(Application, data);
        Assert.Equal(["$.applicant.name", "$.categories", "$.members", "$.economic_status", "$.hardship_reason"], missing.Select(m => m.Path).ToArray());
        Assert.Equal(["申请人姓名", "申请类别", "共同生活家庭成员", "家庭经济状况", "申请理由（致困原因）"], missing.Select(m => m.Label).ToArray());
    }

    [Fact]
    public void A_form_without_requirements_prints_from_any_data() =>
        Assert.Empty(PrintRequirements.Missing(TestCatalog.Instance.Get("chizhou.review-publicity"), new JsonObject()));

    [Fact]
    public void A_field_required_of_every_row_is_reported_for_each_row_that_lacks_it()
    {
        var review = TestCatalog.Instance.Get("chizhou.review-form");
        var data = Complete();
        data["members"] = JsonNode.Parse("""
            [ { "name": "王俊", "relationship": "本人", "occupation_status": "灵活就业人员", "health_status": "患病" },
              { "name": "龙兰", "relationship": " ", "health_status": "健康" } ]
            """);
        var missing = PrintRequirements.Missing(review, data);
        Assert.Equal(["$.members[1].relationship", "$.members[1].occupation_status"], missing.Select(m => m.Path).ToArray());
        Assert.Equal(["家庭成员与申请人关系（第 2 行）", "家庭成员职业状况（第 2 行）"], missing.Select(m => m.Label).ToArray());
        // No rows: the list itself is what is missing, once.
        data["members"] = new JsonArray();
        Assert.Equal(["$.members"], PrintRequirements.Missing(review, data).Select(m => m.Path).ToArray());
    }

    [Theory]
    [InlineData("yunyang.application")]
    [InlineData("yunyang.economic-survey")]
    [InlineData("chizhou.review-form")]
    [InlineData("chizhou.home-visit-survey")]
    [InlineData("chizhou.verification-authorization")]
    [InlineData("chizhou.application-pledge")]
    [InlineData("chizhou.acceptance-notice")]
    [InlineData("chizhou.approval-notice")]
    [InlineData("chizhou.rejection-notice")]
    public void Every_required_path_names_a_property_of_the_form_schema(string formId)
    {
        // A typo in x-print-required would ask for a field the clerk cannot fill.
        var form = TestCatalog.Instance.Get(formId);
        var paths = PrintRequirements.Properties(form).ToList();
        Assert.NotEmpty(paths);
        var raw = JsonNode.Parse(form.SchemaJson)![PrintRequirements.Keyword]!.AsObject().Select(p => p.Key).ToList();
        for (int p = 0; p < paths.Count; p++)
        {
            var schema = form.Schema.ActualSchema;
            foreach (var (part, i) in paths[p].Select((x, i) => (x, i)))
            {
                Assert.True(schema.ActualProperties.ContainsKey(part), $"{formId}: {raw[p]}");
                schema = schema.ActualProperties[part].ActualSchema;
                if (raw[p].Contains($"{part}[*]")) schema = schema.Item!.ActualSchema;
            }
        }
    }
}
