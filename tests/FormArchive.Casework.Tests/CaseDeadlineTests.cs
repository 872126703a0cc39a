using FormArchive.Casework;
using FormArchive.Domain;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>The statutory deadlines of 池民社救〔2024〕56号 and 巴阳府发〔2021〕10号, on the real calendar.</summary>
public class CaseDeadlineTests
{
    private static Deadline Find(CaseStatus s, string what) => Assert.Single(s.Deadlines, d => d.What == what);

    [Fact]
    public void Acceptance_on_2024_02_07_puts_the_preliminary_opinion_on_2024_02_22_and_confirmation_on_2024_03_05()
    {
        var status = StageRules.Evaluate(Case("A1", [E(CaseEventKind.Accepted, "2024-02-07")]), Calendar);
        Assert.Equal(CaseStage.Accepted, status.Stage);
        var opinion = Find(status, "初审意见");
        Assert.Equal(D("2024-02-22"), opinion.Due);
        Assert.Contains("池民社救〔2024〕56号", opinion.Basis);
        Assert.Contains("7个工作日", opinion.Basis);
        Assert.Equal(D("2024-03-05"), Find(status, "审核确认").Due);
        Assert.Empty(status.Warnings);
        Assert.False(opinion.IsOverdue(D("2024-02-22")));
        Assert.True(opinion.IsOverdue(D("2024-02-23")));
    }

    [Fact]
    public void Acceptance_on_2025_09_26_runs_through_the_National_Day_holiday()
    {
        var status = StageRules.Evaluate(Case("A2", [E(CaseEventKind.Accepted, "2025-09-26")]), Calendar);
        Assert.Equal(D("2025-10-13"), Find(status, "初审意见").Due);
        Assert.Equal(D("2025-10-23"), Find(status, "审核确认").Due);
    }

    [Fact]
    public void A_deadline_crossing_into_an_unshipped_year_warns()
    {
        var status = StageRules.Evaluate(Case("A3", [E(CaseEventKind.Accepted, "2026-12-21")]), Calendar);
        Assert.Empty(Find(status, "初审意见").Warnings);
        var confirm = Find(status, "审核确认");
        Assert.Equal(D("2027-01-11"), confirm.Due);
        Assert.Contains("2027年的节假日安排未载入", Assert.Single(confirm.Warnings));
        Assert.Contains(status.Warnings, w => w.Contains("2027年"));
    }

    [Fact]
    public void Extension_moves_confirmation_from_15_to_25_working_days_and_cites_the_extension()
    {
        var events = ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-20", "2024-02-21");
        events.Add(E(CaseEventKind.Extended, "2024-03-01", reason: "申请人住院，待补充医疗费用票据"));
        var confirm = Find(StageRules.Evaluate(Case("A4", events), Calendar), "审核确认");
        Assert.Equal(D("2024-03-19"), confirm.Due);
        Assert.Contains("25个工作日", confirm.Basis);
    }

    [Fact]
    public void Publicity_runs_7_calendar_days_counting_the_start_day_and_confirmation_waits_for_its_end()
    {
        var events = ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-20", "2024-02-21");
        var status = StageRules.Evaluate(Case("A5", events), Calendar);
        Assert.Equal(CaseStage.Publicity, status.Stage);
        Assert.Equal(D("2024-02-21"), status.PublicityStart);
        Assert.Equal(D("2024-02-27"), status.PublicityEnd);
        Assert.Equal(PublicityPeriod.EndDate(D("2024-02-21")), status.PublicityEnd);
        Assert.False(Find(status, "初审意见").IsOpen);
        Assert.False(Find(status, "初审意见").WasLate);
    }

    [Fact]
    public void A_late_opinion_is_recorded_as_late()
    {
        var events = ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-23", "2024-02-23");
        var opinion = Find(StageRules.Evaluate(Case("A6", events), Calendar), "初审意见");
        Assert.Equal(D("2024-02-23"), opinion.DoneOn);
        Assert.True(opinion.WasLate);
    }

    [Fact]
    public void Dibao_confirmed_gets_benefit_from_next_month_and_temporary_aid_within_3_working_days()
    {
        // 2025-09-26 confirmed (Friday): 9.28 (调休), 9.29, 9.30 → due 9.30; 保障金 from October.
        var events = ThroughPublicity("2025-09-01", "2025-09-02", "2025-09-03", "2025-09-08", "2025-09-09");
        events.Add(E(CaseEventKind.Confirmed, "2025-09-26", CaseOutcome.Approved));
        var status = StageRules.Evaluate(Case("A7", events, categories: [AssistanceCategory.Dibao]), Calendar);
        Assert.Equal(CaseStage.Confirmed, status.Stage);
        Assert.Equal(D("2025-10-01"), status.BenefitFromMonth);
        var aid = Find(status, "发放临时救助金");
        Assert.Equal(D("2025-09-30"), aid.Due);
        Assert.Contains("3个工作日", aid.Basis);
        Assert.DoesNotContain(status.Deadlines, d => d.What.StartsWith("录入", StringComparison.Ordinal));

        events.Add(E(CaseEventKind.Notified, "2025-09-29", CaseOutcome.Approved));
        events.Add(E(CaseEventKind.Paid, "2025-10-09"));
        status = StageRules.Evaluate(Case("A7", events, categories: [AssistanceCategory.Dibao]), Calendar);
        Assert.Equal(CaseStage.OnRoll, status.Stage);
        Assert.True(Find(status, "发放临时救助金").WasLate);
    }

    [Fact]
    public void Marginal_rigid_and_other_low_income_are_entered_within_5_working_days_and_get_no_payment_deadline()
    {
        foreach (var category in new[] { AssistanceCategory.DibaoMarginal, AssistanceCategory.RigidExpenditure, AssistanceCategory.OtherLowIncome })
        {
            var events = ThroughPublicity("2024-09-02", "2024-09-03", "2024-09-04", "2024-09-06", "2024-09-09");
            events.Add(E(CaseEventKind.Confirmed, "2024-09-20", CaseOutcome.Approved));
            var status = StageRules.Evaluate(Case("B", events, categories: [category]), Calendar);
            // 9.23, 9.24, 9.25, 9.26, 9.27 → 9.27 (9.29 is a 调休 Sunday but comes later)
            Assert.Equal(D("2024-09-27"), Find(status, "录入社会救助大数据信息系统").Due);
            Assert.Null(status.BenefitFromMonth);
            Assert.DoesNotContain(status.Deadlines, d => d.What == "发放临时救助金");
        }
        // a household confirmed both 低保 and (for a member) 刚性支出困难 has both deadlines
        var both = ThroughPublicity("2024-09-02", "2024-09-03", "2024-09-04", "2024-09-06", "2024-09-09");
        both.Add(E(CaseEventKind.Confirmed, "2024-09-27", CaseOutcome.Approved));
        var s = StageRules.Evaluate(Case("C", both, categories: [AssistanceCategory.Dibao, AssistanceCategory.RigidExpenditure]), Calendar);
        Assert.Equal(D("2024-10-08"), Find(s, "发放临时救助金").Due); // 9.29 (调休), 9.30, [10.1–10.7], 10.8
        Assert.Equal(D("2024-10-10"), Find(s, "录入社会救助大数据信息系统").Due);
    }

    [Fact]
    public void Early_warning_is_handled_within_5_working_days_each()
    {
        var events = ThroughPublicity("2024-09-02", "2024-09-03", "2024-09-04", "2024-09-06", "2024-09-09");
        events.Add(E(CaseEventKind.Confirmed, "2024-09-20", CaseOutcome.Approved));
        events.Add(E(CaseEventKind.WarningReceived, "2024-09-30"));
        events.Add(E(CaseEventKind.WarningReceived, "2024-10-08"));
        events.Add(E(CaseEventKind.WarningHandled, "2024-10-09"));
        var warnings = StageRules.Evaluate(Case("W", events), Calendar).Deadlines.Where(d => d.What == "处置预警信息").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Equal(D("2024-10-12"), warnings[0].Due); // 10.8, 10.9, 10.10, 10.11, 10.12 (调休 Saturday)
        Assert.True(warnings[0].WasLate is false && warnings[0].DoneOn == D("2024-10-09"));
        Assert.Equal(D("2024-10-14"), warnings[1].Due); // 10.9 … 10.12 (调休 Saturday), 10.14
        Assert.True(warnings[1].IsOpen);
    }

    [Fact]
    public void Yunyang_application_before_the_15th_is_due_by_the_15th_of_next_month_and_after_it_a_month_later()
    {
        var early = StageRules.Evaluate(Case("Y1", [E(CaseEventKind.Accepted, "2024-03-15")], rules: LocalRules.Yunyang), Calendar);
        var d1 = Assert.Single(early.Deadlines);
        Assert.Equal(D("2024-04-15"), d1.Due);
        Assert.Contains("巴阳府发〔2021〕10号", d1.Basis);
        var late = StageRules.Evaluate(Case("Y2", [E(CaseEventKind.Accepted, "2024-03-16")], rules: LocalRules.Yunyang), Calendar);
        Assert.Equal(D("2024-05-15"), Assert.Single(late.Deadlines).Due);
        var december = StageRules.Evaluate(Case("Y3", [E(CaseEventKind.Accepted, "2026-12-20")], rules: LocalRules.Yunyang), Calendar);
        Assert.Equal(D("2027-02-15"), Assert.Single(december.Deadlines).Due);
        Assert.NotEmpty(december.Warnings);
    }

    [Fact]
    public void Yunyang_initial_check_is_met_by_submission_and_confirmation_needs_it()
    {
        var events = ThroughPublicity("2024-03-05", "2024-03-06", "2024-03-20", "2024-04-01", "2024-04-02");
        var confirmEarly = events.Append(E(CaseEventKind.Confirmed, "2024-04-10", CaseOutcome.Approved)).ToList();
        var e = Assert.Throws<CaseworkException>(() => StageRules.Evaluate(Case("Y4", confirmEarly, rules: LocalRules.Yunyang), Calendar));
        Assert.Contains("尚未报送县民政局审批", e.Message);
        events.Add(E(CaseEventKind.Submitted, "2024-04-09"));
        var s = StageRules.Evaluate(Case("Y4", events, rules: LocalRules.Yunyang), Calendar);
        Assert.Equal(D("2024-04-09"), Assert.Single(s.Deadlines).DoneOn);
    }

    [Fact]
    public void Event_dates_are_taken_in_China_time()
    {
        // 2024-02-06 17:30 UTC is 2024-02-07 01:30 in China
        var accepted = new CaseEvent(CaseEventKind.Accepted, "张三", new DateTimeOffset(2024, 2, 6, 17, 30, 0, TimeSpan.Zero));
        Assert.Equal(D("2024-02-07"), accepted.Date);
        Assert.Equal(D("2024-02-22"), StageRules.Evaluate(Case("T", [accepted]), Calendar).Deadlines[0].Due);
    }
}
