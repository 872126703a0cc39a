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
        Assert.Empty(PrintRequirements.Missing(TestCatalog.Instance.Get("chizhou.review-form"), new JsonObject()));

    [Fact]
    public void Every_required_path_names_a_property_of_the_form_schema()
    {
        // A typo in x-print-required would ask for a field the clerk cannot fill.
        var schema = JsonNode.Parse(Application.SchemaJson)!;
        foreach (var (path, _) in schema[PrintRequirements.Keyword]!.AsObject())
        {
            var top = path.TrimStart('$', '.').Split('.')[0];
            Assert.True(Application.Schema.Properties.ContainsKey(top), path);
        }
    }
}
