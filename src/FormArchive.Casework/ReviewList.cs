namespace FormArchive.Casework;

/// <summary>The monthly 定期复核名单 of a township (巴阳府发〔2021〕10号, 附件11: 分类管理 → 定期复核名单).</summary>
public static class ReviewList
{
    /// <summary>
    /// The households of <paramref name="township"/> on the roll whose next review (the last 审核确认 or
    /// 定期复核 plus the category's interval) falls in the month of <paramref name="month"/> or earlier,
    /// ordered by category (特困 first), then due date, then case number. Cases not approved, stopped (停发),
    /// or of categories not reviewed are left out.
    /// </summary>
    public static IReadOnlyList<ReviewListEntry> ForMonth(string township, DateOnly month, IEnumerable<StageLogSnapshot> cases,
        ReviewIntervals intervals, WorkingDayCalendar calendar)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var entries = new List<ReviewListEntry>();
        foreach (var c in cases.Where(c => c.Township == township))
        {
            if (intervals.MonthsFor(c) is not { } months)
                continue;
            if (StageRules.Evaluate(c, calendar).RollDate is not { } checkedOn)
                continue;
            var due = checkedOn.AddMonths(months);
            if (due <= last)
                entries.Add(new ReviewListEntry(c.CaseId, c.Categories, checkedOn, due, due < first));
        }
        return [.. entries
            .OrderBy(e => e.Categories.Min(x => x.Order))
            .ThenBy(e => e.Due)
            .ThenBy(e => e.CaseId, StringComparer.Ordinal)];
    }
}
