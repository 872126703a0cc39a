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
            if (e.Terms is null)
            {
                if (e is { Kind: CaseEventKind.Confirmed, Outcome: CaseOutcome.Approved, SignedBy.Level: ApprovalLevel.County })
                    throw Refuse(e, $"批准须写明{string.Join("、", TermsNeeded())}。");
                return;
            }
            if (e.Outcome != CaseOutcome.Approved)
                throw Refuse(e, "只有审核确认（批准）才记录救助金额和起始月份。");
            var t = e.Terms;
            var missing = new List<string>();
            if (Has(AssistanceCategory.Dibao))
            {
                if (t.PerCapitaMonthly is null) missing.Add("人均补助金额");
                if (t.HouseholdMonthly is null) missing.Add("家庭补助金额");
            }
            if (Has(AssistanceCategory.ExtremelyPoor))
            {
                if (t.SupportForm is null) missing.Add("供养形式");
                if (t.BasicMonthly is null) missing.Add("基本生活标准");
                if (t.CareLevel is null) missing.Add("照料护理标准");
            }
            if (Has(AssistanceCategory.Temporary) && t.TemporaryAmount is null) missing.Add("临时救助金额");
            if (PaidMonthly && t.FromMonth is null) missing.Add("起始月份（从何月起执行）");
            if (missing.Count > 0 && e.SignedBy is { Level: ApprovalLevel.County })
                throw Refuse(e, $"批准须写明{string.Join("、", missing)}。");
            if (t.FromMonth is { } from && _accepted is { } accepted && from < new DateOnly(accepted.Year, accepted.Month, 1))
                throw Refuse(e, $"起始月份 {from:yyyy-MM} 早于受理当月（{accepted:yyyy-MM}）。");
        }

        /// <summary>Every category but a one-off 临时救助 is a benefit or status that runs from a month.</summary>
        private bool PaidMonthly => file.Categories.Any(c => c != AssistanceCategory.Temporary);

        private IEnumerable<string> TermsNeeded()
        {
            if (Has(AssistanceCategory.Dibao)) yield return "人均补助金额、家庭补助金额";
            if (Has(AssistanceCategory.ExtremelyPoor)) yield return "供养形式、基本生活标准、照料护理标准";
            if (Has(AssistanceCategory.Temporary)) yield return "临时救助金额";
            if (PaidMonthly) yield return "起始月份（从何月起执行）";
        }
    }
}
