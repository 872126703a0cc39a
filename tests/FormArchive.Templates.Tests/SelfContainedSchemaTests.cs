using System.Text.Json.Nodes;
using FormArchive.Templates;
using NJsonSchema;

namespace FormArchive.Tests.Templates;

/// <summary>
/// The schemas the API serves and the CLI prints are self-contained: a client that fetched one over HTTP can
/// resolve every $ref (no "../case.schema.json"), and it accepts and refuses what the form's schema file does.
/// </summary>
public class SelfContainedSchemaTests
{
    public static TheoryData<string> FormIds => [.. TestCatalog.Instance.Forms.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(FormIds))]
    public async Task Every_reference_points_into_the_schema_itself_and_validates_as_the_file_does(string id)
    {
        var form = TestCatalog.Instance.Get(id);
        var served = JsonNode.Parse(form.SchemaJson)!;
        var definitions = served["definitions"]?.AsObject();
        foreach (var target in References(served))
        {
            Assert.StartsWith("#/definitions/", target);
            Assert.True(definitions?.ContainsKey(DefinitionName(target)) == true, $"{id}: {target} is not in its definitions");
        }

        // Loaded without a file path, as a client would: nothing left to resolve elsewhere.
        var standalone = await JsonSchema.FromJsonAsync(form.SchemaJson);
        var good = File.ReadAllText(TestPaths.Sample("case.json"));
        var bad = JsonNode.Parse(good)!;
        bad["applicant"]!["name"] = 5;
        bad["members"] = new JsonArray(7, "x");
        bad["categories"] = "低保";
        foreach (var data in new[] { good, bad.ToJsonString() })
            Assert.Equal(Errors(form.Schema, data), Errors(standalone, data));
    }

    [Fact]
    public void The_shared_definitions_are_copied_with_what_they_reference()
    {
        var review = JsonNode.Parse(TestCatalog.Instance.Get("chizhou.review-form").SchemaJson)!;
        Assert.DoesNotContain("case.schema.json#", review.ToJsonString());
        var definitions = review["definitions"]!.AsObject();
        Assert.True(definitions.ContainsKey("member"));
        // member refers on to other definitions of case.schema.json; those come along too.
        Assert.All(References(definitions["member"]!), r => Assert.True(definitions.ContainsKey(DefinitionName(r)), r));
    }

    [Fact]
    public void A_reference_to_a_missing_definition_fails_the_load()
    {
        using var temp = new TempTemplates().AddForm("dangling", """<document title="t" paper="A4" orientation="portrait"/>""",
            schema: """{ "type": "object", "properties": { "a": { "$ref": "../case.schema.json#/definitions/no_such_thing" } } }""");
        File.WriteAllText(Path.Combine(temp.Root, "case.schema.json"), """{ "definitions": { "text": { "type": "string" } } }""");
        var problem = Assert.Single(Assert.Throws<TemplateLoadException>(() => TemplateCatalog.Load(temp.Root)).Problems);
        Assert.Contains("no_such_thing", problem.Message);
    }

    /// <summary>"#/definitions/authorization/properties/number" → "authorization".</summary>
    private static string DefinitionName(string reference) => reference["#/definitions/".Length..].Split('/')[0];

    private static List<string> References(JsonNode node) => node switch
    {
        JsonObject o => [.. o.Where(p => p.Key == "$ref").Select(p => (string)p.Value!), .. o.Where(p => p.Value is not null).SelectMany(p => References(p.Value!))],
        JsonArray a => [.. a.Where(c => c is not null).SelectMany(c => References(c!))],
        _ => [],
    };

    private static List<string> Errors(JsonSchema schema, string data) =>
        [.. Flatten(schema.Validate(data)).Select(e => $"{e.Path} {e.Kind}").Order(StringComparer.Ordinal)];

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e is NJsonSchema.Validation.ChildSchemaValidationError c
            ? [e, .. Flatten(c.Errors.SelectMany(x => x.Value))]
            : new[] { e });
}
