using System.Text.Json.Nodes;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>Form dates taken from the recorded stages.</summary>
public sealed class StageFormDatesTests
{
    private static readonly List<CaseEvent> Events =
    [
        .. ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-18", "2024-02-19"),
        E(CaseEventKind.Confirmed, "2024-02-27", CaseOutcome.Approved),
        E(CaseEventKind.Reviewed, "2025-02-20", CaseOutcome.Approved),
        E(CaseEventKind.Reviewed, "2026-02-24", CaseOutcome.Approved),
    ];

    [Fact]
    public void Sections_present_get_their_stage_dates_and_the_latest_review()
    {
        var data = new JsonObject
        {
            ["acceptance"] = new JsonObject(), ["survey"] = new JsonObject { ["date"] = null }, ["town_opinion"] = new JsonObject { ["date"] = "" },
            ["county_opinion"] = new JsonObject(), ["benefit_adjustment"] = new JsonObject(),
        };
        var filled = StageFormDates.Fill(data, Events);
        Assert.Equal(["acceptance.date", "survey.date", "town_opinion.date", "county_opinion.date", "benefit_adjustment.review_date"], filled);
        Assert.Equal("2024-02-07", (string)data["acceptance"]!["date"]!);
        Assert.Equal("2024-02-09", (string)data["survey"]!["date"]!);
        Assert.Equal("2024-02-18", (string)data["town_opinion"]!["date"]!);
        Assert.Equal("2024-02-27", (string)data["county_opinion"]!["date"]!);
        Assert.Equal("2026-02-24", (string)data["benefit_adjustment"]!["review_date"]!);
        Assert.Null(data["authorization"]); // absent sections stay absent
    }

    [Fact]
    public void A_matching_date_is_kept_a_contradicting_one_refused_and_stages_not_recorded_leave_the_date_open()
    {
        var same = new JsonObject { ["review_publicity"] = new JsonObject { ["start_date"] = "2024-02-19" } };
        Assert.Empty(StageFormDates.Fill(same, Events));
        var other = new JsonObject { ["acceptance"] = new JsonObject { ["date"] = "2024-02-06" } };
        Assert.Contains("与办理记录中“受理”的日期 2024-02-07 不一致", Assert.Throws<CaseworkException>(() => StageFormDates.Fill(other, Events)).Message);
        var early = new JsonObject { ["county_opinion"] = new JsonObject() };
        Assert.Empty(StageFormDates.Fill(early, Events.Take(2).ToList()));
        Assert.Null(early["county_opinion"]!["date"]);
    }
}
