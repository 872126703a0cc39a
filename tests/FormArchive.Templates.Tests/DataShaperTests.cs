using FormArchive.Templates;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Scriban.Runtime;

namespace FormArchive.Tests.Templates;

public class DataShaperTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromJsonAsync("""
        {
          "type": "object",
          "properties": {
            "applicant": { "type": "object", "properties": { "name": { "type": ["string","null"] }, "address": { "type": "object", "properties": { "village": { "type": "string" } } } } },
            "members": { "type": "array", "x-min-rows": 3, "items": { "$ref": "#/definitions/member" } },
            "tags": { "type": "array", "items": { "type": "string" } },
            "count": { "type": "integer" },
            "amount": { "type": "number" },
            "flag": { "type": "boolean" }
          },
          "definitions": {
            "member": { "type": "object", "properties": { "name": { "type": "string" }, "income": { "type": "number" } } }
          }
        }
        """).GetAwaiter().GetResult();

    [Fact]
    public void Blank_data_gets_every_declared_property()
    {
        var model = DataShaper.Shape(null, Schema);
        Assert.Equal(["amount", "applicant", "count", "flag", "members", "tags"], model.Keys.Order());
        Assert.Null(model["count"]);
        Assert.Null(model["amount"]);
        var applicant = Assert.IsType<ScriptObject>(model["applicant"]);
        Assert.Null(applicant["name"]);
        var address = Assert.IsType<ScriptObject>(applicant["address"]);
        Assert.True(address.ContainsKey("village"));
        Assert.Null(address["village"]);
        Assert.Empty(Assert.IsType<ScriptArray>(model["tags"]));
    }

    [Fact]
    public void Arrays_are_padded_to_x_min_rows_with_shaped_blank_items()
    {
        var model = DataShaper.Shape(JObject.Parse("""{"members":[{"name":"汪德顺","income":3600}]}"""), Schema);
        var members = Assert.IsType<ScriptArray>(model["members"]);
        Assert.Equal(3, members.Count);
        var first = Assert.IsType<ScriptObject>(members[0]);
        Assert.Equal("汪德顺", first["name"]);
        Assert.Equal(3600L, first["income"]);
        foreach (var padding in members.Skip(1).Cast<ScriptObject>())
        {
            Assert.True(padding.ContainsKey("name"));
            Assert.Null(padding["name"]);
            Assert.Null(padding["income"]);
        }
    }

    [Fact]
    public void Longer_arrays_are_kept_whole()
    {
        var json = new JObject { ["members"] = new JArray(Enumerable.Range(1, 15).Select(i => new JObject { ["name"] = "m" + i })) };
        var members = Assert.IsType<ScriptArray>(DataShaper.Shape(json, Schema)["members"]);
        Assert.Equal(15, members.Count);
        Assert.Equal("m15", Assert.IsType<ScriptObject>(members[14])["name"]);
        Assert.True(Assert.IsType<ScriptObject>(members[14]).ContainsKey("income"));
    }

    [Fact]
    public void Values_convert_to_scriban_types_and_extra_properties_are_kept()
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(
            """{"count":5,"amount":3200.50,"flag":true,"tags":["a"],"extra":{"x":[1,2]},"applicant":{"name":null,"nick":"老汪"}}"""))
        { FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal };
        var model = DataShaper.Shape(JToken.ReadFrom(reader), Schema);
        Assert.Equal(5L, model["count"]);
        Assert.Equal(3200.50m, model["amount"]);
        Assert.Equal(true, model["flag"]);
        Assert.Equal("a", Assert.IsType<ScriptArray>(model["tags"])[0]);
        var extra = Assert.IsType<ScriptObject>(model["extra"]);
        Assert.Equal(2L, Assert.IsType<ScriptArray>(extra["x"])[1]);
        var applicant = Assert.IsType<ScriptObject>(model["applicant"]);
        Assert.Equal("老汪", applicant["nick"]);
        Assert.Null(applicant["name"]);
        Assert.IsType<ScriptObject>(applicant["address"]);
    }

    [Fact]
    public void Min_rows_reads_the_keyword()
    {
        Assert.Equal(3, DataShaper.MinRows(Schema.Properties["members"]));
        Assert.Equal(0, DataShaper.MinRows(Schema.Properties["tags"]));
    }

    [Fact]
    public void Real_form_schemas_resolve_shared_definitions()
    {
        var form = TestCatalog.Instance.Get("chizhou.review-form");
        var model = DataShaper.Shape(null, form.Schema);
        var members = Assert.IsType<ScriptArray>(model["members"]);
        Assert.Equal(6, members.Count);
        var blank = Assert.IsType<ScriptObject>(members[0]);
        Assert.Equal(["annual_income", "annual_rigid_expense", "birth_date", "health_status", "id_number", "marital_status", "monthly_income", "monthly_rigid_expense", "name", "occupation_status", "relationship", "sex"], blank.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, Assert.IsType<ScriptArray>(model["supporters"]).Count);
        Assert.True(Assert.IsType<ScriptObject>(model["applicant"]).ContainsKey("hukou_address"));
    }
}
