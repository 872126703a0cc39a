using FormArchive.Archive.Access;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using static FormArchive.Tests.Approval.ApprovalSigners;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Approval;

/// <summary>
/// The online approval's sign-offs in the stage rules: each step a person's, at the level that may take it; a unit's
/// opinion countersigned by its 负责人 (never the same person); a county-confirmed case submitted, decided by the
/// county, returned and submitted again.
/// </summary>
public class SignOffRulesTests
{
    /// <summary>受理 to the end of 公示 (2024-03-04 to 03-15), the opinion given by 王五.</summary>
    private static StageLog Publicised(params AssistanceCategory[] categories)
    {
        var log = new StageLog("A-1", "秋浦街道", categories, LocalRules.Chizhou, levels: ConfirmingLevels.Chizhou);
        log.Append(S(CaseEventKind.Accepted, "2024-03-04", Wang));
        log.Append(S(CaseEventKind.AuthorizationChecked, "2024-03-04", Wang));
        log.Append(S(CaseEventKind.HomeVisited, "2024-03-05", Wang));
        log.Append(S(CaseEventKind.PreliminaryOpinion, "2024-03-06", Wang, CaseOutcome.Approved));
        log.Append(S(CaseEventKind.PublicityStarted, "2024-03-07", Wang));
        return log;
    }

    private static string Refused(StageLog log, CaseEvent e) => Assert.Throws<CaseworkException>(() => log.Append(e)).Message;

    [Fact]
    public void A_delegated_case_is_confirmed_by_the_township_once_its_head_has_countersigned_the_opinion()
    {
        var log = Publicised(AssistanceCategory.Dibao);
        Assert.Contains("尚未经秋浦街道负责人审签", Refused(log, S(CaseEventKind.Confirmed, "2024-03-15", Wang, CaseOutcome.Approved)));
        Assert.Contains("无需报送县（区）民政局", Refused(log, S(CaseEventKind.Submitted, "2024-03-15", Wang)));
        Assert.Contains("须由负责人作出", Refused(log, S(CaseEventKind.Countersigned, "2024-03-15", Li)));
        Assert.Contains("须由秋浦街道的负责人审签", Refused(log, S(CaseEventKind.Countersigned, "2024-03-15", OtherTownHead)));
        Assert.Contains("权限已下放乡镇", Refused(log, S(CaseEventKind.Confirmed, "2024-03-15", CountyClerk, CaseOutcome.Approved)));

        log.Append(S(CaseEventKind.Countersigned, "2024-03-15", TownHead));
        log.Append(S(CaseEventKind.Confirmed, "2024-03-15", Wang, CaseOutcome.Approved));
        Assert.Contains("审核确认尚未经秋浦街道负责人审签", Refused(log, S(CaseEventKind.Notified, "2024-03-18", Wang, CaseOutcome.Approved)));
        log.Append(S(CaseEventKind.Countersigned, "2024-03-18", TownHead));
        log.Append(S(CaseEventKind.Notified, "2024-03-18", Wang, CaseOutcome.Approved));
        Assert.Equal(CaseStage.Notified, StageRules.Evaluate(log.Snapshot(), WorkingDayCalendar.Default).Stage);
    }

    [Fact]
    public void The_same_person_cannot_sign_twice_in_one_chain()
    {
        var headGivesOpinion = new StageLog("A-2", "秋浦街道", [AssistanceCategory.Dibao], LocalRules.Chizhou, levels: ConfirmingLevels.Chizhou);
        headGivesOpinion.Append(S(CaseEventKind.Accepted, "2024-03-04", Wang));
        headGivesOpinion.Append(S(CaseEventKind.AuthorizationChecked, "2024-03-04", Wang));
        headGivesOpinion.Append(S(CaseEventKind.HomeVisited, "2024-03-05", Wang));
        headGivesOpinion.Append(S(CaseEventKind.PreliminaryOpinion, "2024-03-06", TownHead, CaseOutcome.Approved));
        var message = Refused(headGivesOpinion, S(CaseEventKind.Countersigned, "2024-03-06", TownHead));
        Assert.Contains("四眼原则", message);
        Assert.Contains("周八", message);
    }

    [Fact]
    public void A_rigid_expenditure_case_cannot_be_confirmed_by_the_township_and_is_decided_by_the_county()
    {
        var log = Publicised(AssistanceCategory.RigidExpenditure);
        log.Append(S(CaseEventKind.Countersigned, "2024-03-08", TownHead));
        var refused = Refused(log, S(CaseEventKind.Confirmed, "2024-03-15", TownHead, CaseOutcome.Approved));
        Assert.Contains("刚性支出困难家庭属县（区）民政局审核确认事项", refused);
        Assert.Contains("尚未报送", Refused(log, S(CaseEventKind.Confirmed, "2024-03-15", CountyClerk, CaseOutcome.Approved)));
        Assert.Contains("由乡镇（街道）办理", Refused(log, S(CaseEventKind.Submitted, "2024-03-15", CountyClerk)));

        log.Append(S(CaseEventKind.Submitted, "2024-03-15", Wang));
        Assert.Equal(CaseStage.Submitted, StageRules.Evaluate(log.Snapshot(), WorkingDayCalendar.Default).Stage);
        log.Append(S(CaseEventKind.Confirmed, "2024-03-18", CountyClerk, CaseOutcome.Approved) with
        {
            Terms = new ApprovalTerms { FromMonth = D("2024-04-01") },
        });
        Assert.Contains("须由另一名负责人审签", Refused(log, S(CaseEventKind.Countersigned, "2024-03-18", CountyClerk with { Post = Post.Head })));
        // Until the county's 负责人 countersigns, the case is the county's: the township cannot tell the household yet.
        Assert.Contains("作出决定之前", Refused(log, S(CaseEventKind.Notified, "2024-03-19", Wang, CaseOutcome.Approved)));
        log.Append(S(CaseEventKind.Countersigned, "2024-03-19", CountyHead));
        log.Append(S(CaseEventKind.Notified, "2024-03-19", Wang, CaseOutcome.Approved));
    }

    [Fact]
    public void A_submitted_case_returned_for_supplements_is_submitted_again_and_then_decided()
    {
        var log = Publicised(AssistanceCategory.DibaoMarginal);
        Assert.Contains("尚未经秋浦街道负责人审签", Refused(log, S(CaseEventKind.Submitted, "2024-03-15", Wang)));
        log.Append(S(CaseEventKind.Countersigned, "2024-03-15", TownHead));
        log.Append(S(CaseEventKind.Submitted, "2024-03-15", Wang));
        Assert.Contains("由县（区）民政局作出", Refused(log, S(CaseEventKind.Returned, "2024-03-18", TownHead) with { Supply = ["残疾证"] }));
        Assert.Contains("须写明需补正的材料", Refused(log, S(CaseEventKind.Returned, "2024-03-18", CountyClerk)));
        log.Append(S(CaseEventKind.Returned, "2024-03-18", CountyClerk) with { Supply = ["户口簿增减页", "残疾证"] });
        Assert.Equal(CaseStage.Returned, StageRules.Evaluate(log.Snapshot(), WorkingDayCalendar.Default).Stage);
        Assert.Contains("已退回乡镇（街道）补正", Refused(log, S(CaseEventKind.Confirmed, "2024-03-19", CountyClerk, CaseOutcome.Approved)));
        Assert.Contains("不能退回", Refused(log, S(CaseEventKind.Returned, "2024-03-19", CountyClerk) with { Supply = ["x"] }));

        log.Append(S(CaseEventKind.Submitted, "2024-03-20", Wang));
        log.Append(S(CaseEventKind.Confirmed, "2024-03-21", CountyClerk, CaseOutcome.Rejected) with { Reason = "家庭人均收入高于低保边缘标准" });
        log.Append(S(CaseEventKind.Countersigned, "2024-03-21", CountyHead));
        log.Append(S(CaseEventKind.Notified, "2024-03-22", Wang, CaseOutcome.Rejected));
        Assert.Equal(CaseStage.Closed, StageRules.Evaluate(log.Snapshot(), WorkingDayCalendar.Default).Stage);
    }

    [Fact]
    public void While_the_county_holds_the_case_the_township_records_nothing_until_it_is_returned_or_decided()
    {
        var log = Publicised(AssistanceCategory.RigidExpenditure);
        log.Append(S(CaseEventKind.Countersigned, "2024-03-15", TownHead));
        log.Append(S(CaseEventKind.Submitted, "2024-03-15", Wang));
        Assert.True(StageRules.Evaluate(log.Snapshot(), WorkingDayCalendar.Default).WithCounty);
        Assert.Contains("乡镇（街道）不能办理", Refused(log, S(CaseEventKind.Extended, "2024-03-18", Wang) with { Reason = "材料待核" }));
        Assert.Contains("乡镇（街道）不能办理", Refused(log, S(CaseEventKind.WarningReceived, "2024-03-18", Wang)));
        // The county may extend its own deadline (25 working days, 民发〔2021〕57号).
        log.Append(S(CaseEventKind.Extended, "2024-03-18", CountyClerk) with { Reason = "需补充核对不动产信息" });
        log.Append(S(CaseEventKind.Confirmed, "2024-03-19", CountyClerk, CaseOutcome.Approved) with { Terms = new ApprovalTerms { FromMonth = D("2024-04-01") } });
        Assert.True(StageRules.Evaluate(log.Snapshot(), WorkingDayCalendar.Default).WithCounty); // until its 负责人 countersigns
        log.Append(S(CaseEventKind.Countersigned, "2024-03-19", CountyHead));
        Assert.False(StageRules.Evaluate(log.Snapshot(), WorkingDayCalendar.Default).WithCounty);
    }

    [Fact]
    public void A_countys_approval_states_what_the_forms_print_for_each_category()
    {
        var log = new StageLog("Y-2", "巴阳镇", [AssistanceCategory.Dibao, AssistanceCategory.ExtremelyPoor], LocalRules.Yunyang, levels: ConfirmingLevels.Yunyang);
        foreach (var e in new[]
                 {
                     S(CaseEventKind.Accepted, "2024-03-04", Wang), S(CaseEventKind.AuthorizationChecked, "2024-03-04", Wang),
                     S(CaseEventKind.HomeVisited, "2024-03-05", Wang), S(CaseEventKind.PreliminaryOpinion, "2024-03-06", Wang, CaseOutcome.Approved),
                     S(CaseEventKind.PublicityStarted, "2024-03-07", Wang), S(CaseEventKind.Countersigned, "2024-03-15", TownHead),
                     S(CaseEventKind.Submitted, "2024-03-15", Wang),
                 })
            log.Append(e);
        var bare = Refused(log, S(CaseEventKind.Confirmed, "2024-03-18", CountyClerk, CaseOutcome.Approved));
        Assert.Contains("人均补助金额、家庭补助金额", bare);
        Assert.Contains("供养形式、基本生活标准、照料护理标准", bare);
        Assert.Contains("起始月份", bare);
        var partial = new ApprovalTerms { PerCapitaMonthly = 520m, HouseholdMonthly = 1040m, FromMonth = D("2024-04-01") };
        var missing = Refused(log, S(CaseEventKind.Confirmed, "2024-03-18", CountyClerk, CaseOutcome.Approved) with { Terms = partial });
        Assert.Contains("供养形式", missing);
        Assert.DoesNotContain("人均补助金额", missing);
        var early = partial with { SupportForm = "分散供养", BasicMonthly = 800m, CareLevel = "全自理", FromMonth = D("2024-02-01") };
        Assert.Contains("早于受理当月", Refused(log, S(CaseEventKind.Confirmed, "2024-03-18", CountyClerk, CaseOutcome.Approved) with { Terms = early }));
        Assert.Contains("只有审核确认（批准）", Refused(log, S(CaseEventKind.Confirmed, "2024-03-18", CountyClerk, CaseOutcome.Rejected) with
        {
            Terms = early with { FromMonth = D("2024-04-01") },
            Reason = "收入超标",
        }));
        log.Append(S(CaseEventKind.Confirmed, "2024-03-18", CountyClerk, CaseOutcome.Approved) with { Terms = early with { FromMonth = D("2024-04-01") } });
    }

    [Fact]
    public void A_yunyang_case_has_the_countys_confirmation_due_15_working_days_after_acceptance()
    {
        var log = new StageLog("Y-1", "巴阳镇", [AssistanceCategory.Dibao], LocalRules.Yunyang, levels: ConfirmingLevels.Yunyang);
        log.Append(S(CaseEventKind.Accepted, "2024-03-12", Wang));
        var status = StageRules.Evaluate(log.Snapshot(), WorkingDayCalendar.Default);
        var confirm = Assert.Single(status.Deadlines, d => d.What == "审核确认");
        Assert.Equal(WorkingDayCalendar.Default.AddWorkingDays(D("2024-03-12"), 15).Date, confirm.Due);
        Assert.Contains("民发〔2021〕57号", confirm.Basis);
        Assert.Contains(status.Deadlines, d => d.What.StartsWith("初核", StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_without_signers_and_logs_without_levels_keep_the_rules_they_were_written_under()
    {
        var old = new StageLog("O-1", "秋浦街道", [AssistanceCategory.RigidExpenditure], LocalRules.Chizhou);
        foreach (var e in new[]
                 {
                     E(CaseEventKind.Accepted, "2024-03-04"), E(CaseEventKind.AuthorizationChecked, "2024-03-04"),
                     E(CaseEventKind.HomeVisited, "2024-03-05") with { Staff = ["李四"] }, E(CaseEventKind.PreliminaryOpinion, "2024-03-06", CaseOutcome.Approved),
                     E(CaseEventKind.PublicityStarted, "2024-03-07"), E(CaseEventKind.Confirmed, "2024-03-15", CaseOutcome.Approved),
                 })
            old.Append(e);
        Assert.Equal(CaseStage.Confirmed, StageRules.Evaluate(old.Snapshot(), WorkingDayCalendar.Default).Stage);
    }

    [Fact]
    public void A_signed_step_is_stored_with_its_signer_and_read_back_the_same()
    {
        var e = S(CaseEventKind.Returned, "2024-03-18", CountyClerk) with { Supply = ["残疾证"] };
        var back = StageRecords.FromRecord(StageRecords.ToRecord(e))!;
        Assert.Equal(CountyClerk, back.SignedBy);
        Assert.Equal(["残疾证"], back.Supply);
        var record = StageRecords.ToRecord(e);
        Assert.Equal(("handler", "county"), (record.Signer!.Post, record.Signer.Level));
        Assert.Null(StageRecords.FromRecord(record with { Signer = record.Signer with { Post = "clerk" } })); // an unknown post is not read as one
    }
}
