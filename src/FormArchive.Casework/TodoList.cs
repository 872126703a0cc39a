namespace FormArchive.Casework;

/// <summary>The clerk's 待办 list for a township on a given day: overdue, due today, due within 3 working days.</summary>
public static class TodoList
{
    /// <summary>How many working days ahead “soon” reaches.</summary>
    public const int SoonWorkingDays = 3;

    /// <summary>
    /// The bucket of a deadline due on <paramref name="due"/> seen on <paramref name="today"/>, or null when
    /// it is further off than <see cref="SoonWorkingDays"/> working days.
    /// </summary>
    public static TodoBucket? Classify(DateOnly due, DateOnly today, WorkingDayCalendar calendar)
    {
        if (due < today)
            return TodoBucket.Overdue;
        if (due == today)
            return TodoBucket.DueToday;
        return due <= calendar.AddWorkingDays(today, SoonWorkingDays).Date ? TodoBucket.DueWithin3WorkingDays : null;
    }

    /// <summary>
    /// The open deadlines of <paramref name="township"/>'s cases that need attention on <paramref name="today"/>,
    /// most urgent first (bucket, then due date, then case number).
    /// </summary>
    public static IReadOnlyList<TodoItem> For(string township, IEnumerable<StageLogSnapshot> cases, DateOnly today, WorkingDayCalendar calendar)
    {
        var items = new List<TodoItem>();
        foreach (var c in cases.Where(c => c.Township == township))
        {
            var status = StageRules.Evaluate(c, calendar);
            foreach (var d in status.Open)
            {
                if (Classify(d.Due, today, calendar) is { } bucket)
                    items.Add(new TodoItem(c.CaseId, c.Township, status.Stage, d, bucket));
            }
        }
        return [.. items.OrderBy(i => i.Bucket).ThenBy(i => i.Deadline.Due).ThenBy(i => i.CaseId, StringComparer.Ordinal)];
    }
}
