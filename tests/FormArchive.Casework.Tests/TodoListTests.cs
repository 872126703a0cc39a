using FormArchive.Casework;
using FormArchive.Domain;
using static FormArchive.Tests.Casework.CaseFixtures;

namespace FormArchive.Tests.Casework;

/// <summary>The clerk's 待办 list: overdue, due today, due within 3 working days, on given days.</summary>
public class TodoListTests
{
    [Fact]
    public void Classify_counts_soon_in_working_days()
    {
        // Thursday 2024-02-08: the next three working days are 2.9, 2.18 (调休 Sunday), 2.19
        var today = D("2024-02-08");
        Assert.Equal(TodoBucket.Overdue, TodoList.Classify(D("2024-02-07"), today, Calendar));
        Assert.Equal(TodoBucket.DueToday, TodoList.Classify(today, today, Calendar));
        Assert.Equal(TodoBucket.DueWithin3WorkingDays, TodoList.Classify(D("2024-02-09"), today, Calendar));
        Assert.Equal(TodoBucket.DueWithin3WorkingDays, TodoList.Classify(D("2024-02-19"), today, Calendar));
        Assert.Null(TodoList.Classify(D("2024-02-20"), today, Calendar));
    }

    [Fact]
    public void The_list_for_a_township_on_a_given_day()
    {
        var cases = new[]
        {
            // 初审 due 2024-02-22 (accepted 2.7)
            Case("2024-001", [E(CaseEventKind.Accepted, "2024-02-07")]),
            // 初审 due 2024-02-26 (accepted on 2.16, a holiday: 2.18 (调休), 2.19 … 2.23, 2.26)
            Case("2024-002", [E(CaseEventKind.Accepted, "2024-02-16")]),
            // 初审 due 2024-02-21 (accepted 2.6: 2.7, 2.8, 2.9, 2.18, 2.19, 2.20, 2.21)
            Case("2024-003", [E(CaseEventKind.Accepted, "2024-02-06")]),
            // 初审 due 2024-03-05, far off
            Case("2024-004", [E(CaseEventKind.Accepted, "2024-02-25")]),
            // another township: never listed
            Case("2024-005", [E(CaseEventKind.Accepted, "2024-02-07")], township: "江口街道"),
        };
        var today = D("2024-02-22");
        var todo = TodoList.For("秋浦街道", cases, today, Calendar);
        Assert.Equal(
            [("2024-003", TodoBucket.Overdue), ("2024-001", TodoBucket.DueToday), ("2024-002", TodoBucket.DueWithin3WorkingDays)],
            todo.Select(t => (t.CaseId, t.Bucket)));
        Assert.All(todo, t => Assert.Equal("初审意见", t.Deadline.What));
        Assert.Equal(D("2024-02-21"), todo[0].Deadline.Due);

        // on 2024-03-01 the three opinions are overdue, and the 审核确认 of 003 (3.4) and 001 (3.5) and the opinion of 004 (3.5) are near
        var later = TodoList.For("秋浦街道", cases, D("2024-03-01"), Calendar);
        Assert.Equal(
            [("2024-003", "初审意见", TodoBucket.Overdue), ("2024-001", "初审意见", TodoBucket.Overdue), ("2024-002", "初审意见", TodoBucket.Overdue),
             ("2024-003", "审核确认", TodoBucket.DueWithin3WorkingDays), ("2024-001", "审核确认", TodoBucket.DueWithin3WorkingDays),
             ("2024-004", "初审意见", TodoBucket.DueWithin3WorkingDays)],
            later.Select(t => (t.CaseId, t.Deadline.What, t.Bucket)));
    }

    [Fact]
    public void Done_deadlines_leave_the_list()
    {
        var events = ThroughPublicity("2024-02-07", "2024-02-08", "2024-02-09", "2024-02-20", "2024-02-21");
        var todo = TodoList.For("秋浦街道", [Case("2024-010", events)], D("2024-03-04"), Calendar);
        // 初审 done; 审核确认 due 2024-03-05 is within 3 working days
        var item = Assert.Single(todo);
        Assert.Equal("审核确认", item.Deadline.What);
        Assert.Equal(TodoBucket.DueWithin3WorkingDays, item.Bucket);
        Assert.Equal(CaseStage.Publicity, item.Stage);
    }
}
