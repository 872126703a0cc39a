using FormArchive.Casework;
using FormArchive.Domain;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>Events the procedure does not allow are refused with a Chinese message, and the log stays as it was.</summary>
public class CaseTransitionTests
{
    private static StageLog Log(IEnumerable<CaseEvent> events) =>
        new("T-1", "秋浦街道", [AssistanceCategory.Dibao], LocalRules.Chizhou, events);

    private static void Refused(IEnumerable<CaseEvent> before, CaseEvent next, string expected)
    {
        var log = Log(before);
        var count = log.Events.Count;
        var e = Assert.Throws<CaseworkException>(() => log.Append(next));
        Assert.Contains(expected, e.Message);
        Assert.Contains($"不能记录“{next.Kind.Label()}”", e.Message);
        Assert.Equal(count, log.Events.Count);
    }

    private static List<CaseEvent> Published() =>
        ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-20", "2024-02-21");

    [Fact]
    public void Notification_before_confirmation_is_refused()
    {
        Refused(Published(), E(CaseEventKind.Notified, "2024-03-01", CaseOutcome.Approved), "告知须在审核确认之后");
    }

    [Fact]
    public void Extension_without_a_reason_is_refused()
    {
        Refused(Published(), E(CaseEventKind.Extended, "2024-03-01", reason: "  "), "延期必须写明理由");
    }

    [Fact]
    public void An_event_earlier_than_the_last_is_refused()
    {
        Refused(Published(), E(CaseEventKind.Confirmed, "2024-02-20", CaseOutcome.Approved), "事件时间早于上一事件“公示”");
    }

    [Fact]
    public void Nothing_before_acceptance_and_acceptance_only_once()
    {
        Refused([], E(CaseEventKind.HomeVisited, "2024-02-08"), "案件尚未受理");
        Refused([E(CaseEventKind.Accepted, "2024-02-07")], E(CaseEventKind.Accepted, "2024-02-08"), "不能重复受理");
    }

    [Fact]
    public void Home_visit_needs_two_staff()
    {
        var alone = E(CaseEventKind.HomeVisited, "2024-02-08") with { Staff = [] };
        Refused([E(CaseEventKind.Accepted, "2024-02-07")], alone, "2名以上（含2名）工作人员");
        var sameTwice = E(CaseEventKind.HomeVisited, "2024-02-08") with { Staff = ["张三"] };
        Refused([E(CaseEventKind.Accepted, "2024-02-07")], sameTwice, "只记录了1名");
    }

    [Fact]
    public void Opinion_needs_the_check_and_the_visit_and_an_outcome()
    {
        var accepted = new[] { E(CaseEventKind.Accepted, "2024-02-07"), E(CaseEventKind.HomeVisited, "2024-02-08") };
        Refused(accepted, E(CaseEventKind.PreliminaryOpinion, "2024-02-09", CaseOutcome.Approved), "核对授权和入户调查之后");
        Refused([.. accepted, E(CaseEventKind.AuthorizationChecked, "2024-02-08")], E(CaseEventKind.PreliminaryOpinion, "2024-02-09"), "须写明结果");
    }

    [Fact]
    public void Confirmation_waits_for_the_end_of_publicity()
    {
        // 公示 2024-02-21 … 2024-02-27: confirming on the 27th is too early, on the 28th allowed
        Refused(Published(), E(CaseEventKind.Confirmed, "2024-02-27", CaseOutcome.Approved), "公示期至 2024-02-27 届满");
        var log = Log(Published());
        log.Append(E(CaseEventKind.Confirmed, "2024-02-28", CaseOutcome.Approved));
        Assert.Equal(CaseStage.Confirmed, StageRules.Evaluate(log.Snapshot(), Calendar).Stage);
    }

    [Fact]
    public void Rejected_opinion_is_not_published_but_told_directly_and_closes_the_case()
    {
        var rejected = new List<CaseEvent>
        {
            E(CaseEventKind.Accepted, "2024-02-07"), E(CaseEventKind.AuthorizationChecked, "2024-02-08"),
            E(CaseEventKind.HomeVisited, "2024-02-08"), E(CaseEventKind.PreliminaryOpinion, "2024-02-19", CaseOutcome.Rejected),
        };
        Refused(rejected, E(CaseEventKind.PublicityStarted, "2024-02-20"), "初审意见为不予批准，不公示");
        Refused(rejected, E(CaseEventKind.Notified, "2024-02-20", CaseOutcome.Approved), "告知须在审核确认之后");
        var log = Log(rejected);
        log.Append(E(CaseEventKind.Notified, "2024-02-20", CaseOutcome.Rejected));
        var status = StageRules.Evaluate(log.Snapshot(), Calendar);
        Assert.Equal(CaseStage.Closed, status.Stage);
        Assert.Empty(status.Open); // the 审核确认 clock stopped with the notice
        Refused(log.Events, E(CaseEventKind.Confirmed, "2024-03-01", CaseOutcome.Approved), "已告知不予批准");
    }

    [Fact]
    public void Notice_must_match_the_confirmation()
    {
        var confirmed = Published().Append(E(CaseEventKind.Confirmed, "2024-02-28", CaseOutcome.Rejected));
        Refused(confirmed, E(CaseEventKind.Notified, "2024-02-29", CaseOutcome.Approved), "告知结果“批准”与审核确认结果“不予批准”不一致");
    }

    [Fact]
    public void Payment_and_entry_need_an_approval_of_the_right_category()
    {
        Refused(Published(), E(CaseEventKind.Paid, "2024-02-28"), "尚未审核确认批准");
        var approved = Published().Append(E(CaseEventKind.Confirmed, "2024-02-28", CaseOutcome.Approved)).ToList();
        Refused(approved, E(CaseEventKind.Entered, "2024-02-29"), "录入信息系统适用于低保边缘家庭");
        var marginal = new StageLog("T-2", "秋浦街道", [AssistanceCategory.DibaoMarginal], LocalRules.Chizhou, approved);
        var e = Assert.Throws<CaseworkException>(() => marginal.Append(E(CaseEventKind.Paid, "2024-02-29")));
        Assert.Contains("本案类别不发放救助金", e.Message);
    }

    [Fact]
    public void Extension_after_confirmation_and_a_second_confirmation_are_refused()
    {
        var approved = Published().Append(E(CaseEventKind.Confirmed, "2024-02-28", CaseOutcome.Approved)).ToList();
        Refused(approved, E(CaseEventKind.Extended, "2024-02-29", reason: "补材料"), "已经审核确认，不能再延期");
        Refused(approved, E(CaseEventKind.Confirmed, "2024-02-29", CaseOutcome.Approved), "已于 2024-02-28 记录过");
    }

    [Fact]
    public void Handling_a_warning_needs_one_pending_and_a_stop_at_review_closes_the_case()
    {
        var approved = Published().Append(E(CaseEventKind.Confirmed, "2024-02-28", CaseOutcome.Approved)).ToList();
        Refused(approved, E(CaseEventKind.WarningHandled, "2024-03-01"), "没有待处置的预警信息");
        var stopped = approved.Append(E(CaseEventKind.Reviewed, "2025-02-20", CaseOutcome.Rejected)).ToList();
        Assert.Equal(CaseStage.Closed, StageRules.Evaluate(Case("S", stopped), Calendar).Stage);
        Refused(stopped, E(CaseEventKind.Paid, "2025-03-01"), "案件已停发");
    }

    [Fact]
    public void A_stored_log_that_breaks_the_rules_is_refused_on_load()
    {
        var broken = new[] { E(CaseEventKind.Accepted, "2024-02-07"), E(CaseEventKind.Notified, "2024-02-08", CaseOutcome.Approved) };
        Assert.Throws<CaseworkException>(() => Log(broken));
        Assert.Throws<CaseworkException>(() => StageRules.Evaluate(Case("X", broken), Calendar));
        Assert.Throws<CaseworkException>(() => StageRules.Evaluate(Case("X", [E(CaseEventKind.Accepted, "2024-02-07")]) with { Categories = [] }, Calendar));
    }

    [Fact]
    public void Concurrent_appends_keep_the_log_consistent()
    {
        // many clerks recording the same 核对授权 at once: exactly one wins, the others are refused
        var log = Log([E(CaseEventKind.Accepted, "2024-02-07")]);
        var refused = 0;
        Parallel.For(0, 32, i =>
        {
            try { log.Append(E(CaseEventKind.AuthorizationChecked, "2024-02-08", actor: $"办事员{i}")); }
            catch (CaseworkException) { Interlocked.Increment(ref refused); }
        });
        Assert.Equal(31, refused);
        Assert.Equal(2, log.Events.Count);
    }
}
