using System.Diagnostics;
using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Casework;
using FormArchive.Casework.Stages;
using FormArchive.Domain;
using CaseEvent = FormArchive.Casework.CaseEvent;

// Casework timings on the local-disk store with the SQLite catalog: recording a step (check + append + catalog),
// reading a case's progress, a township's 待办 list and its 定期复核名单, for N cases in one township.
// Usage: dotnet run -c Release --project bench/FormArchive.Casework.Bench [-- CASES]   (default 1000)
int n = args.Length > 0 && int.TryParse(args[0], out var parsed) ? parsed : 1000;
var data = Directory.CreateTempSubdirectory("formarchive-casework-bench-").FullName;
try
{
    using var host = await ArchiveHost.OpenAsync(data, standing: CaseProcedure.Standing(WorkingDayCalendar.Default));
    var procedure = new CaseProcedure(host, WorkingDayCalendar.Default);
    Console.WriteLine($"FormArchive casework benchmark — {Environment.ProcessorCount} cores, {n} cases in one township, local store");
    var record = new List<double>();
    var first = new DateOnly(2024, 1, 2);
    for (int i = 0; i < n; i++)
    {
        var id = $"BENCH-{i:D5}";
        await host.Archive.OpenCaseAsync(new CaseMetadata { CaseId = id, Township = "秋浦街道", Category = i % 3 == 0 ? "特困" : "低保", ApplicantName = "测试" }, "bench");
        var accepted = first.AddDays(i % 300);
        DateTimeOffset At(DateOnly d) => new(d.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);
        var steps = new List<CaseEvent>
        {
            new(CaseEventKind.Accepted, "张三", At(accepted)),
            new(CaseEventKind.AuthorizationChecked, "张三", At(accepted.AddDays(1))),
            new(CaseEventKind.HomeVisited, "张三", At(accepted.AddDays(2))) { Staff = ["李四"] },
        };
        if (i % 2 == 0)
        {
            steps.Add(new(CaseEventKind.PreliminaryOpinion, "张三", At(accepted.AddDays(3))) { Outcome = CaseOutcome.Approved });
            steps.Add(new(CaseEventKind.PublicityStarted, "张三", At(accepted.AddDays(4))));
            steps.Add(new(CaseEventKind.Confirmed, "张三", At(accepted.AddDays(12))) { Outcome = CaseOutcome.Approved });
        }
        foreach (var e in steps)
        {
            var watch = Stopwatch.StartNew();
            await procedure.RecordAsync(id, e, "bench");
            record.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    record.Sort();
    Console.WriteLine($"record a step: {record.Count} steps, median {record[record.Count / 2]:0.0} ms, p95 {record[(int)(record.Count * 0.95)]:0.0} ms, max {record[^1]:0.0} ms");

    var progress = Time(5, () => procedure.ProgressAsync("BENCH-00000"));
    Console.WriteLine($"progress of one case (6 steps): median {progress:0.000} ms");
    foreach (var day in new[] { new DateOnly(2024, 3, 1), new DateOnly(2024, 10, 28) })
    {
        TodoReport? todo = null;
        var ms = Time(3, async () => todo = await procedure.TodoAsync("秋浦街道", day));
        Console.WriteLine($"待办 on {day:yyyy-MM-dd}: {todo!.Items.Count} items ({todo.Overdue.Count} overdue, {todo.DueToday.Count} today, {todo.DueWithin3WorkingDays.Count} soon), median {ms:0} ms");
    }
    ReviewReport? review = null;
    var reviewMs = Time(3, async () => review = await procedure.ReviewListAsync("秋浦街道", new DateOnly(2025, 3, 1)));
    Console.WriteLine($"定期复核名单 2025-03: {review!.Entries.Count} households, median {reviewMs:0} ms");
}
finally
{
    Directory.Delete(data, recursive: true);
}

static double Time(int runs, Func<Task> work)
{
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        work().GetAwaiter().GetResult();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return times[times.Count / 2];
}
