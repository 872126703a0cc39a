namespace FormArchive.Casework;

/// <summary>The columns of the clerk's 待办 list.</summary>
public enum TodoBucket
{
    /// <summary>已逾期: the due date has passed.</summary>
    Overdue,
    /// <summary>今日到期.</summary>
    DueToday,
    /// <summary>3个工作日内到期: due within the next three working days.</summary>
    DueWithin3WorkingDays,
}
