namespace FormArchive.Casework;

/// <summary>
/// The stage rules: replays a case's log, refusing any event the procedure does not allow, and derives
/// its stage and deadlines. A pure function of the case and the calendar — no clock, no storage — so the
/// same log always gives the same answer.
/// </summary>
public static partial class StageRules
{
    /// <summary>Checks the whole log and returns the case's standing.</summary>
    /// <exception cref="CaseworkException">An event breaks the procedure (the message names it, in Chinese).</exception>
    public static CaseStatus Evaluate(StageLogSnapshot file, WorkingDayCalendar calendar)
    {
        if (file.Categories.Count == 0)
            throw new CaseworkException($"案件 {file.CaseId} 没有救助类别。");
        var s = new Replay(file);
        foreach (var e in file.Events)
            s.Apply(e);
        return s.Status(calendar);
    }

    /// <summary>Checks that <paramref name="next"/> may follow the case's log; throws if not.</summary>
    public static void CheckAppend(StageLogSnapshot file, CaseEvent next)
    {
        var s = new Replay(file);
        foreach (var e in file.Events)
            s.Apply(e);
        s.Apply(next);
    }

    /// <summary>The case state folded from the log, event by event.</summary>
    private sealed partial class Replay(StageLogSnapshot file)
    {
        private CaseEvent? _last;
        private DateOnly? _accepted, _auth, _visit, _prelimDate, _publicity, _extended, _submitted, _confirmed, _notified, _paid, _entered, _lastReview;
        private CaseOutcome? _prelim, _confirmation, _notice;
        private bool _stopped;
        private readonly List<(DateOnly Received, DateOnly? Handled)> _warnings = [];

        private bool Has(params AssistanceCategory[] categories) => file.Categories.Any(categories.Contains);

        private static CaseworkException Refuse(CaseEvent e, string why) =>
            new($"不能记录“{e.Kind.Label()}”（{e.Date:yyyy-MM-dd}）：{why}");

        public void Apply(CaseEvent e)
        {
            RefuseOutOfTurn(e);
            RefuseOutOfLevel(e);
            RefuseWhileWithCounty(e);
            if (e.Terms is not null && e.Kind != CaseEventKind.Confirmed)
                throw Refuse(e, "只有审核确认（批准）才记录救助金额和起始月份。");
            var d = e.Date;
            switch (e.Kind)
            {
                case CaseEventKind.Accepted: Accept(e, d); break;
                case CaseEventKind.AuthorizationChecked: CheckAuthorization(e, d); break;
                case CaseEventKind.HomeVisited: VisitHome(e, d); break;
                case CaseEventKind.PreliminaryOpinion: GivePreliminaryOpinion(e, d); break;
                case CaseEventKind.PublicityStarted: StartPublicity(e, d); break;
                case CaseEventKind.Extended: Extend(e, d); break;
                case CaseEventKind.Submitted: Submit(e, d); break;
                case CaseEventKind.Confirmed: Confirm(e, d); break;
                case CaseEventKind.Notified: Notify(e, d); break;
                case CaseEventKind.Paid: Pay(e, d); break;
                case CaseEventKind.Entered: Enter(e, d); break;
                case CaseEventKind.WarningReceived: ReceiveWarning(e, d); break;
                case CaseEventKind.WarningHandled: HandleWarning(e, d); break;
                case CaseEventKind.Reviewed: Review(e, d); break;
                case CaseEventKind.Countersigned: Countersign(e); break;
                case CaseEventKind.Returned: Return(e); break;
                default: throw Refuse(e, "未知的事件类型。");
            }
            _last = e;
        }

        /// <summary>What no event may do: come without an actor, before the last one, before 受理, or after the case is closed.</summary>
        private void RefuseOutOfTurn(CaseEvent e)
        {
            if (string.IsNullOrWhiteSpace(e.Actor))
                throw Refuse(e, "未写明经办人。");
            if (_last is not null && e.At < _last.At)
                throw Refuse(e, $"事件时间早于上一事件“{_last.Kind.Label()}”（{_last.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm}），事件只能按时间顺序追加。");
            if (e.Kind != CaseEventKind.Accepted && _accepted is null)
                throw Refuse(e, "案件尚未受理。");
            if (_stopped)
                throw Refuse(e, "案件已停发（定期复核决定），不再办理。");
            if (_notice == CaseOutcome.Rejected)
                throw Refuse(e, "已告知不予批准，案件已办结。");
        }

        private void Accept(CaseEvent e, DateOnly d)
        {
            if (_accepted is not null)
                throw Refuse(e, "案件已受理，不能重复受理。");
            _accepted = d;
        }

        private void CheckAuthorization(CaseEvent e, DateOnly d)
        {
            Once(e, _auth);
            Before(e, _prelimDate, CaseEventKind.PreliminaryOpinion);
            _auth = d;
        }

        private void VisitHome(CaseEvent e, DateOnly d)
        {
            Once(e, _visit);
            Before(e, _prelimDate, CaseEventKind.PreliminaryOpinion);
            var staff = (e.Staff ?? []).Append(e.Actor).Where(x => x is not null).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().Count();
            if (staff < 2)
                throw Refuse(e, $"入户调查应由2名以上（含2名）工作人员进行，只记录了{staff}名（{LegalBasis.HomeVisitStaff}）。");
            _visit = d;
        }

        private void GivePreliminaryOpinion(CaseEvent e, DateOnly d)
        {
            Once(e, _prelimDate);
            if (_auth is null || _visit is null)
                throw Refuse(e, "初审意见须在核对授权和入户调查之后提出。");
            _prelim = OutcomeOf(e);
            _prelimDate = d;
            AwaitCountersign(e);
        }

        private void StartPublicity(CaseEvent e, DateOnly d)
        {
            Once(e, _publicity);
            if (_prelim != CaseOutcome.Approved)
                throw Refuse(e, _prelim is null ? "公示须在初审意见之后。" : "初审意见为不予批准，不公示，应送达不予批准告知书。");
            _publicity = d;
        }

        private void Extend(CaseEvent e, DateOnly d)
        {
            Once(e, _extended);
            Before(e, _confirmed, CaseEventKind.Confirmed);
            if (string.IsNullOrWhiteSpace(e.Reason))
                throw Refuse(e, $"延期必须写明理由（{LegalBasis.ConfirmationExtended}，仅限特殊情况）。");
            _extended = d;
        }

        private void Submit(CaseEvent e, DateOnly d)
        {
            if (!_returned) Once(e, _submitted); // a case returned for 补正 is submitted again
            Before(e, _confirmed, CaseEventKind.Confirmed);
            PublicityOver(e);
            RefuseSubmissionOfDelegated(e);
            RequireCountersigned(e, CaseEventKind.PreliminaryOpinion);
            _submitted = d;
            _returned = false;
            _countyDecided = false;
        }

        private void Confirm(CaseEvent e, DateOnly d)
        {
            Once(e, _confirmed);
            PublicityOver(e);
            if (file.Rules == LocalRules.Yunyang && _submitted is null)
                throw Refuse(e, "初核材料尚未报送县民政局审批。");
            RefuseConfirmationOutOfLevel(e);
            _confirmation = OutcomeOf(e);
            CheckTerms(e);
            _confirmed = d;
            AwaitCountersign(e);
            LeaveCountyIfUnsigned(e);
        }

        private void Notify(CaseEvent e, DateOnly d)
        {
            Once(e, _notified);
            var told = OutcomeOf(e);
            if (_confirmation is null)
            {
                if (!(_prelim == CaseOutcome.Rejected && told == CaseOutcome.Rejected))
                    throw Refuse(e, "告知须在审核确认之后（初审不符合条件的，可直接告知不予批准）。");
            }
            else if (told != _confirmation)
                throw Refuse(e, $"告知结果“{told.Label()}”与审核确认结果“{_confirmation.Value.Label()}”不一致。");
            if (_confirmation is not null) RequireCountersigned(e, CaseEventKind.Confirmed);
            _notice = told;
            _notified = d;
        }

        private void Pay(CaseEvent e, DateOnly d)
        {
            OnRollRequired(e);
            if (!Has(AssistanceCategory.ExtremelyPoor, AssistanceCategory.Dibao, AssistanceCategory.Temporary))
                throw Refuse(e, "本案类别不发放救助金（低保边缘、刚性支出困难、其他低收入人口应录入信息系统）。");
            _paid ??= d;
        }

        private void Enter(CaseEvent e, DateOnly d)
        {
            Once(e, _entered);
            OnRollRequired(e);
            if (!Has(AssistanceCategory.DibaoMarginal, AssistanceCategory.RigidExpenditure, AssistanceCategory.OtherLowIncome))
                throw Refuse(e, "录入信息系统适用于低保边缘家庭、刚性支出困难家庭和其他低收入人口。");
            _entered = d;
        }

        private void ReceiveWarning(CaseEvent e, DateOnly d)
        {
            _warnings.Add((d, null));
        }

        private void HandleWarning(CaseEvent e, DateOnly d)
        {
            var i = _warnings.FindIndex(w => w.Handled is null);
            if (i < 0)
                throw Refuse(e, "没有待处置的预警信息。");
            _warnings[i] = (_warnings[i].Received, d);
        }

        private void Review(CaseEvent e, DateOnly d)
        {
            OnRollRequired(e);
            _lastReview = d;
            _stopped = OutcomeOf(e) == CaseOutcome.Rejected;
        }

        private static void Once(CaseEvent e, DateOnly? already)
        {
            if (already is { } d)
                throw Refuse(e, $"已于 {d:yyyy-MM-dd} 记录过。");
        }

        private static void Before(CaseEvent e, DateOnly? later, CaseEventKind laterKind)
        {
            if (later is not null)
                throw Refuse(e, $"已经{laterKind.Label()}，不能再{e.Kind.Label()}。");
        }

        private static CaseOutcome OutcomeOf(CaseEvent e) =>
            e.Outcome ?? throw Refuse(e, "须写明结果（批准或不予批准）。");

        private void PublicityOver(CaseEvent e)
        {
            if (_publicity is not { } start)
                throw Refuse(e, "尚未公示。");
            var end = PublicityPeriod.EndDate(start);
            if (e.Date <= end)
                throw Refuse(e, $"公示期至 {end:yyyy-MM-dd} 届满（{LegalBasis.Publicity}），期满后方可{e.Kind.Label()}。");
        }

        private void OnRollRequired(CaseEvent e)
        {
            if (_confirmation != CaseOutcome.Approved)
                throw Refuse(e, "尚未审核确认批准。");
        }

        public CaseStatus Status(WorkingDayCalendar calendar)
        {
            var deadlines = new List<Deadline>();
            if (_accepted is not { } accepted)
                return new CaseStatus(CaseStage.Accepted, deadlines, null, null, null, null, []);

            // A case rejected at 初审 and told so has nothing more due; its open clocks stop with the notice.
            var rejectedEarly = _notice == CaseOutcome.Rejected && _confirmation is null ? _notified : null;

            if (file.Rules == LocalRules.Chizhou)
            {
                Add(deadlines, "初审意见", calendar.AddWorkingDays(accepted, 7), LegalBasis.PreliminaryOpinion, _prelimDate);
                var days = _extended is null ? 15 : 25;
                Add(deadlines, CaseEventKind.Confirmed.Label(), calendar.AddWorkingDays(accepted, days),
                    _extended is null ? LegalBasis.Confirmation : LegalBasis.ConfirmationExtended, _confirmed ?? rejectedEarly);
            }
            else
            {
                // 当月15日前提交的，下月15号前完成初核；15日以后受理的排入下一批。“15日前” is read as including the
                // 15th (the last day allowed), as 以前/以内 include the day named (民法典第一千二百五十九条).
                var batch = new DateOnly(accepted.Year, accepted.Month, 1).AddMonths(accepted.Day <= 15 ? 1 : 2);
                var due = new DateOnly(batch.Year, batch.Month, 15);
                Add(deadlines, "初核（报送县民政局审批）", calendar.Certify(due), LegalBasis.MonthlyBatch, _submitted ?? rejectedEarly);
                // Online approval: the county's 审核确认 runs on the working-day calendar from 受理, as 民发〔2021〕57号 sets it.
                if (ConfirmedByCounty)
                    Add(deadlines, CaseEventKind.Confirmed.Label(), calendar.AddWorkingDays(accepted, _extended is null ? 15 : 25),
                        _extended is null ? LegalBasis.ConfirmationNational : LegalBasis.ConfirmationNationalExtended, _confirmed ?? rejectedEarly);
            }

            DateOnly? benefitFrom = null;
            if (_confirmation == CaseOutcome.Approved && _confirmed is { } confirmed)
            {
                if (Has(AssistanceCategory.ExtremelyPoor, AssistanceCategory.Dibao))
                {
                    benefitFrom = new DateOnly(confirmed.Year, confirmed.Month, 1).AddMonths(1);
                    if (file.Rules == LocalRules.Chizhou)
                        Add(deadlines, "发放临时救助金", calendar.AddWorkingDays(confirmed, 3), LegalBasis.TemporaryAid, _paid);
                }
                if (file.Rules == LocalRules.Chizhou
                    && Has(AssistanceCategory.DibaoMarginal, AssistanceCategory.RigidExpenditure, AssistanceCategory.OtherLowIncome))
                    Add(deadlines, "录入社会救助大数据信息系统", calendar.AddWorkingDays(confirmed, 5), LegalBasis.SystemEntry, _entered);
            }
            foreach (var (received, handled) in _warnings)
                Add(deadlines, "处置预警信息", calendar.AddWorkingDays(received, 5), LegalBasis.EarlyWarning, handled);

            var stage =
                _stopped || _notice == CaseOutcome.Rejected ? CaseStage.Closed
                : _paid is not null || _entered is not null ? CaseStage.OnRoll
                : _notified is not null ? CaseStage.Notified
                : _confirmed is not null ? CaseStage.Confirmed
                : _returned ? CaseStage.Returned
                : _submitted is not null ? CaseStage.Submitted
                : _publicity is not null ? CaseStage.Publicity
                : _prelimDate is not null ? CaseStage.PreliminaryOpinion
                : _auth is not null || _visit is not null ? CaseStage.Investigation
                : CaseStage.Accepted;

            var warnings = deadlines.Where(x => x.IsOpen).SelectMany(x => x.Warnings).Distinct().ToList();
            DateOnly? rollDate = _confirmation == CaseOutcome.Approved && !_stopped ? _lastReview ?? _confirmed : null;
            return new CaseStatus(stage, deadlines, _publicity, _publicity is { } p ? PublicityPeriod.EndDate(p) : null,
                benefitFrom, rollDate, warnings)
            { WithCounty = WithCounty };
        }

        private static void Add(List<Deadline> list, string what, WorkingDayResult due, string basis, DateOnly? done) =>
            list.Add(new Deadline(what, due.Date, basis, done, due.Warnings));
    }
}
