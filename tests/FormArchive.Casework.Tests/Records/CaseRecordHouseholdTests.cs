using System.Text.Json.Nodes;
using FormArchive.Casework.Filing;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Tests.CaseRecords;

/// <summary>The household scans are matched against, read from a saved case record (snake_case, the full case schema).</summary>
public class CaseRecordHouseholdTests
{
    private const string Applicant = "341723197112182931", Spouse = "440304195203146568", Child = "34172119780723001X";

    [Fact]
    public void The_records_members_are_the_household_the_applicant_first_and_unnumbered_members_left_out()
    {
        var record = JsonNode.Parse($$"""
            {"applicant":{"name":"王俊","id_number":"{{Applicant}}"},
             "members":[{"name":"龙兰","id_number":"{{Spouse}}"},{"name":"刘强","id_number":"{{Child.ToLowerInvariant()}}"},{"name":"无证件"},{"name":"","id_number":"{{Spouse}}"}]}
            """);
        // Opened with the applicant and a member the record no longer has; 刘强 was opened as needing no ID scan.
        var opened = new[] { new HouseholdMember("王俊", Applicant), new HouseholdMember("旧成员", "110105195001010011"), new HouseholdMember("刘强", Child, RequiresIdScan: false) };
        var household = CaseHousehold.OfRecord(record, opened);
        Assert.Equal(["王俊", "龙兰", "刘强"], household.Select(m => m.Name));
        Assert.Equal(Child, household[2].IdNumber); // upper-case x, as numbers are compared
        Assert.False(household[2].RequiresIdScan);
        Assert.True(household[1].RequiresIdScan);
    }

    [Fact]
    public void An_applicant_listed_among_the_members_is_not_counted_twice_and_one_without_a_name_is_left_out()
    {
        var listed = JsonNode.Parse($$"""{"applicant":{"name":"王俊","id_number":"{{Applicant}}"},"members":[{"name":"龙兰","id_number":"{{Spouse}}"},{"name":"王俊","id_number":"{{Applicant}}"}]}""");
        Assert.Equal(["龙兰", "王俊"], CaseHousehold.OfRecord(listed, []).Select(m => m.Name));
        var nameless = JsonNode.Parse($$"""{"applicant":{"id_number":"{{Applicant}}"},"members":[{"name":"龙兰","id_number":"{{Spouse}}"}]}""");
        Assert.Equal(["龙兰"], CaseHousehold.OfRecord(nameless, []).Select(m => m.Name));
        Assert.Empty(CaseHousehold.OfRecord(JsonNode.Parse("""{"members":"not a list"}"""), []));
    }
}
