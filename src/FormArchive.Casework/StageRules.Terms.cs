namespace FormArchive.Casework;

public static partial class StageRules
{
    /// <summary>
    /// What a county's 批准 must decide, by category, because the forms print it (附件3 县（区）民政局意见, 附件8 告知书):
    /// 低保 the amounts per person and household, 特困 the 供养形式, 基本生活标准 and 照料护理标准, 临时救助 the amount,
    /// and, for a benefit paid monthly, the month it starts. A township's own 批准 takes its amounts from the case data.
    /// </summary>
    private sealed partial class Replay
    {
        private void CheckTerms(CaseEvent e)
        {
            if (e.Terms is not null && e.Outcome != CaseOutcome.Approved)
                throw Refuse(e, "只有审核确认（批准）才记录救助金额和起始月份。");
            if (e is { Outcome: CaseOutcome.Approved, SignedBy.Level: ApprovalLevel.County })
            {
                var missing = ApprovalTermFields.RequiredFor(file.Categories).Where(f => e.Terms is not { } t || f.ValueOf(t) is null).Select(f => f.Label);
                if (missing.Any()) throw Refuse(e, $"批准须写明{string.Join("、", missing)}。");
            }
            if (e.Terms?.FromMonth is { } from && _accepted is { } accepted && from < new DateOnly(accepted.Year, accepted.Month, 1))
                throw Refuse(e, $"起始月份 {from:yyyy-MM} 早于受理当月（{accepted:yyyy-MM}）。");
        }
    }
}
