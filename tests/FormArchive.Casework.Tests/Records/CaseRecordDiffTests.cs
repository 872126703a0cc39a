using System.Text.Json.Nodes;
using FormArchive.Api.CaseRecords;

namespace FormArchive.Tests.Api;

/// <summary>Which fields changed between two versions of the case data.</summary>
public class CaseRecordDiffTests
{
    [Fact]
    public void Changed_added_and_removed_values_are_listed_by_path_and_null_equals_absent()
    {
        var before = JsonNode.Parse("""{ "village": "桂花村", "members": [ { "name": "王俊", "annual_income": 4800 } ], "phone": null }""");
        var after = JsonNode.Parse("""{ "village": "桂花村", "members": [ { "name": "王俊", "annual_income": 4800.5 }, { "name": "龙兰" } ], "economic_status": "无存款" }""")!;
        var changes = CaseRecordDiff.Between(before, after);
        Assert.Equal(
            [new CaseRecordChange("$.economic_status", null, "无存款"), new CaseRecordChange("$.members[0].annual_income", "4800", "4800.5"), new CaseRecordChange("$.members[1].name", null, "龙兰")],
            changes);
        Assert.Empty(CaseRecordDiff.Between(after, after.DeepClone()));
    }

    [Fact]
    public void Id_numbers_are_shown_masked()
    {
        var change = Assert.Single(CaseRecordDiff.Between(
            JsonNode.Parse("""{ "applicant": { "id_number": "341723197112182931" } }"""), JsonNode.Parse("""{ "applicant": { "id_number": "440304195203146568" } }""")));
        Assert.Equal("341723********2931", change.Before);
        Assert.Equal("440304********6568", change.After);
    }
}
