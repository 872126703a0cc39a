using FormArchive.Casework;
using FormArchive.Domain;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>Dynamic management: review intervals per category and the monthly 定期复核名单 of a township.</summary>
public class ReviewListTests
{
    private static List<CaseEvent> Confirmed(string confirmedOn) =>
    [
        .. ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-20", "2024-02-21"),
        E(CaseEventKind.Confirmed, confirmedOn, CaseOutcome.Approved),
    ];

    [Fact]
    public void Default_intervals_and_overrides()
    {
        var i = ReviewIntervals.Default;
        Assert.Equal(12, i.MonthsFor(AssistanceCategory.Dibao));
        Assert.Equal(12, i.MonthsFor(AssistanceCategory.ExtremelyPoor));
        Assert.Null(i.MonthsFor(AssistanceCategory.Temporary));
        Assert.Equal(6, i.MonthsFor(Case("U", [], unstable: true)));
        var county = i.With(AssistanceCategory.DibaoMarginal, 3);
        Assert.Equal(3, county.MonthsFor(Case("M", [], categories: [AssistanceCategory.Dibao, AssistanceCategory.DibaoMarginal])));
        Assert.Equal(12, i.MonthsFor(AssistanceCategory.DibaoMarginal)); // the default is untouched
        Assert.Null(i.With(AssistanceCategory.Dibao, null).MonthsFor(AssistanceCategory.Dibao));
        Assert.Throws<ArgumentOutOfRangeException>(() => i.With(AssistanceCategory.Dibao, 0));
    }

    [Fact]
    public void The_monthly_list_of_a_township()
    {
        var cases = new[]
        {
            Case("D-1", Confirmed("2024-03-04")),                                                    // due 2025-03-04: in March 2025
            Case("T-1", Confirmed("2024-03-20"), categories: [AssistanceCategory.ExtremelyPoor]),   // due 2025-03-20: in, listed first (特困)
            Case("D-2", Confirmed("2024-02-28")),                                                    // due 2025-02-28: overdue by March
            Case("D-3", Confirmed("2024-04-01")),                                                    // due 2025-04-01: not yet
            Case("U-1", Confirmed("2024-09-10"), unstable: true),                                    // 6 months: due 2025-03-10
            Case("R-1", [.. Confirmed("2024-03-04"), E(CaseEventKind.Reviewed, "2024-09-01", CaseOutcome.Approved)]), // reviewed: due 2025-09-01
            Case("S-1", [.. Confirmed("2024-03-04"), E(CaseEventKind.Reviewed, "2024-09-01", CaseOutcome.Rejected)]), // 停发
            Case("X-1", Confirmed("2024-03-04"), categories: [AssistanceCategory.Temporary]),       // 临时救助: not reviewed
            Case("P-1", ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-20", "2024-02-21")), // not confirmed
            Case("O-1", Confirmed("2024-03-04"), township: "江口街道"),                               // other township
        };
        var list = ReviewList.ForMonth("秋浦街道", D("2025-03-01"), cases, ReviewIntervals.Default, Calendar);
        Assert.Equal(["T-1", "D-2", "D-1", "U-1"], list.Select(e => e.CaseId));
        Assert.Equal(D("2025-03-20"), list[0].Due);
        Assert.True(list.Single(e => e.CaseId == "D-2").Overdue);
        Assert.False(list.Single(e => e.CaseId == "D-1").Overdue);
        Assert.Equal(D("2024-09-10"), list.Single(e => e.CaseId == "U-1").LastChecked);

        // with 低保 reviewed every 6 months, September 2024 lists the 低保 households confirmed in March
        var half = ReviewList.ForMonth("秋浦街道", D("2024-09-15"), cases, ReviewIntervals.Default.With(AssistanceCategory.Dibao, 6), Calendar);
        Assert.Equal(["D-2", "D-1"], half.Select(e => e.CaseId)); // R-1 was reviewed on 9.1: next in March 2025
    }
}
