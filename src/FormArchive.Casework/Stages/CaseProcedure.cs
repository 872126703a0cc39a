using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Archive.Dossier;
using FormArchive.Archive.Printing;

namespace FormArchive.Casework.Stages;

/// <summary>
/// The procedure of the cases in one archive: records a step (checked against the stored log, under the
/// case's gate, appended to its hash-chained log), and reads a case's progress, a township's 待办 list and
/// its monthly 定期复核名单. Every read replays the stored steps through <see cref="CaseLog"/>, so a stored log
/// the rules refuse is an error, never a silently wrong answer. The service and the CLI both call this.
/// </summary>
public sealed class CaseProcedure(ArchiveHost host, WorkingDayCalendar calendar, CaseworkSettings? settings = null)
{
    /// <summary>The stage name the catalog keeps for a case whose stored steps do not replay.</summary>
    public const string InvalidStage = "Invalid";

    public WorkingDayCalendar Calendar { get; } = calendar;
    public LocalRules Rules { get; } = (settings ?? CaseworkSettings.Default).Rules;
    public ReviewIntervals Intervals { get; } = (settings ?? CaseworkSettings.Default).Intervals;

    /// <summary>The catalog's view of the stage rules (hand it to <see cref="ArchiveHost.OpenAsync"/>).</summary>
    public static ICaseStandingSource Standing(WorkingDayCalendar calendar, LocalRules rules = LocalRules.Chizhou) => new StageStanding(calendar, rules);

    /// <summary>
    /// Records <paramref name="e"/> on the case. Refused (nothing written) if the rules do not allow it after the
    /// stored steps (<see cref="CaseworkException"/>), if it lies in the future, if the stored steps do not replay
    /// (<see cref="StoredStageLogException"/>) or if the case is sealed (<see cref="CaseSealedForStagesException"/>).
    /// </summary>
    /// <param name="clerk">Who writes the log entry (the archive's actor); <paramref name="e"/>'s actor is who did the step.</param>
    public async Task<CaseProgressReport> RecordAsync(string caseId, CaseEvent e, string clerk, CancellationToken ct = default)
    {
        var now = host.Archive.Clock.GetUtcNow();
        // A minute's grace for clocks that differ between the clerk's machine and the server.
        if (e.At > now.AddMinutes(1))
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：事件时间 {e.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 晚于现在，只能记录已经发生的办理环节。");
        CaseManifest m;
        try
        {
            m = await host.Archive.AppendStageAsync(caseId, current =>
            {
                if (current.Sealed) throw new CaseSealedForStagesException(caseId);
                var log = LogOf(current);
                if (log.Categories.Count == 0)
                    throw new CaseworkException($"不能记录“{e.Kind.Label()}”：案件的救助类别“{current.Metadata.Category}”无法识别。");
                log.Append(e); // throws CaseworkException: nothing is written
                return StageRecords.ToRecord(e);
            }, clerk, ct);
        }
        catch (CaseSealedException)
        {
            throw new CaseSealedForStagesException(caseId);
        }
        return Report(m, DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime));
    }

    /// <summary>The case's stage, deadlines, warnings and timeline on the archive clock's China-time day.</summary>
    public async Task<CaseProgressReport> ProgressAsync(string caseId, CancellationToken ct = default) =>
        Report(await host.Archive.GetManifestAsync(caseId, ct), Today());

    /// <summary>
    /// The case's dossier (<see cref="DossierBuilder"/>) with its 案卷办理过程: the recorded steps, replayed through the
    /// rules, printed after the documents. A stored log the rules refuse is an error (<see cref="StoredStageLogException"/>),
    /// as for <see cref="ProgressAsync"/>, not a dossier silently without its steps.
    /// </summary>
    /// <param name="printer">Prints the archive's pages (the service's, from its templates folder); null: <see cref="ArchivePrinter.Default"/>.</param>
    public async Task<byte[]> DossierAsync(string caseId, string actor, ArchivePrinter? printer = null, CancellationToken ct = default)
    {
        var m = await host.Archive.GetManifestAsync(caseId, ct);
        var steps = CaseTimeline.DossierSteps(CaseTimeline.Of(LogOf(m).Snapshot()));
        return await DossierBuilder.BuildAsync(host.Archive, caseId, actor, steps, printer, ct);
    }

    /// <summary>Progress of an already loaded case.</summary>
    public CaseProgressReport Report(CaseManifest m, DateOnly today)
    {
        var file = LogOf(m).Snapshot();
        var timeline = CaseTimeline.Of(file);
        if (file.Events.Count == 0)
            return new CaseProgressReport(m.CaseId, m.Metadata.Township, m.Metadata.Category, null, null, today, [], [], null, null, null, timeline, m.Sealed);
        var status = CaseProgress.Evaluate(file, Calendar);
        return new CaseProgressReport(m.CaseId, m.Metadata.Township, m.Metadata.Category, status.Stage, status.Stage.Label(), today,
            status.Deadlines.Select(d => DeadlineLine.Of(d, today)).ToList(), status.Warnings,
            status.PublicityStart, status.PublicityEnd, status.BenefitFromMonth, timeline, m.Sealed);
    }

    /// <summary>
    /// The 待办 list of <paramref name="township"/> on <paramref name="today"/> (default: the archive clock's day):
    /// open cases whose next deadline is overdue, due today or within 3 working days, found through the catalog
    /// and then replayed from the archive. Cases whose stored steps do not replay are listed as problems.
    /// </summary>
    public async Task<TodoReport> TodoAsync(string township, DateOnly? today = null, CancellationToken ct = default)
    {
        var day = today ?? Today();
        var horizon = Calendar.AddWorkingDays(day, TodoList.SoonWorkingDays).Date;
        var rows = InTownship(township, new CatalogQuery { DueBefore = horizon.AddDays(1), Status = Archive.Catalog.CaseStatus.Open })
            .Concat(InTownship(township, new CatalogQuery { CaseStage = InvalidStage, Status = Archive.Catalog.CaseStatus.Open }))
            .DistinctBy(r => r.CaseId).ToList();
        // Nothing more can be recorded on a sealed volume, so its open deadlines are no one's 待办.
        var (files, entries, problems) = await LoadAsync(rows, includeSealed: false, ct);
        var lines = TodoList.For(township, files, day, Calendar).Select(i =>
        {
            var row = entries[i.CaseId];
            return new TodoLine(i.CaseId, row.FileNumber, row.ApplicantName, row.Village, i.Stage, i.Stage.Label(),
                i.Deadline.What, i.Deadline.Due, i.Deadline.Basis, i.Bucket, i.Deadline.Warnings);
        }).ToList();
        return new TodoReport(township, day, lines, problems);
    }

    /// <summary>
    /// The 定期复核名单 of <paramref name="township"/> for the month of <paramref name="month"/>: households on the
    /// roll (confirmed and not stopped) whose next review falls in that month or earlier.
    /// </summary>
    public async Task<ReviewReport> ReviewListAsync(string township, DateOnly month, CancellationToken ct = default)
    {
        var onRoll = new[] { CaseStage.Confirmed, CaseStage.Notified, CaseStage.OnRoll, };
        var rows = onRoll.SelectMany(s => InTownship(township, new CatalogQuery { CaseStage = s.ToString() }))
            .Concat(InTownship(township, new CatalogQuery { CaseStage = InvalidStage }))
            .DistinctBy(r => r.CaseId).ToList();
        // A sealed case's household is still on the roll: it comes up for review all the same.
        var (files, entries, problems) = await LoadAsync(rows, includeSealed: true, ct);
        var lines = ReviewList.ForMonth(township, month, files, Intervals, Calendar).Select(x =>
        {
            var row = entries[x.CaseId];
            return new ReviewLine(x.CaseId, row.FileNumber, row.ApplicantName, row.Village,
                [.. x.Categories.Select(c => c.Name)], x.LastChecked, x.Due, x.Overdue);
        }).ToList();
        return new ReviewReport(township, new DateOnly(month.Year, month.Month, 1), lines, problems);
    }

    /// <summary>The stored steps of <paramref name="m"/> replayed through the rules, one by one.</summary>
    /// <exception cref="StoredStageLogException">A stored step is unreadable or refused.</exception>
    public CaseLog LogOf(CaseManifest m) => Replay(m, Rules);

    internal static CaseLog Replay(CaseManifest m, LocalRules rules)
    {
        var log = new CaseLog(m.CaseId, m.Metadata.Township.Trim(), CategoriesOf(m), rules);
        if (m.Stages.Count > 0 && log.Categories.Count == 0)
            throw new StoredStageLogException(m.CaseId, 1, $"救助类别“{m.Metadata.Category}”无法识别。");
        for (int i = 0; i < m.Stages.Count; i++)
        {
            var e = StageRecords.FromRecord(m.Stages[i])
                    ?? throw new StoredStageLogException(m.CaseId, i + 1, $"未知的办理环节“{m.Stages[i].Kind}”或结果“{m.Stages[i].Outcome}”。");
            try { log.Append(e); }
            catch (CaseworkException x) { throw new StoredStageLogException(m.CaseId, i + 1, x.Message); }
        }
        return log;
    }

    /// <summary>
    /// The case's categories as the rules see them. The archive's metadata holds the first category applied for
    /// (the catalog's), so the rules see that one; an unknown name gives none.
    /// </summary>
    private static IReadOnlyList<AssistanceCategory> CategoriesOf(CaseManifest m) =>
        AssistanceCategory.TryParse(m.Metadata.Category, out var c) ? [c] : [];

    private IEnumerable<CatalogEntry> InTownship(string township, CatalogQuery q) =>
        // The catalog matches townships by part of the name; the lists want this township exactly.
        host.Catalog.Search(q with { Township = township, Limit = 10_000 }).Where(r => r.Township == township.Trim());

    private async Task<(List<CaseFile> Files, Dictionary<string, CatalogEntry> Entries, List<string> Problems)> LoadAsync(
        IReadOnlyList<CatalogEntry> rows, bool includeSealed, CancellationToken ct)
    {
        var files = new List<CaseFile>();
        var problems = new List<string>();
        foreach (var row in rows.OrderBy(r => r.CaseId, StringComparer.Ordinal))
        {
            try
            {
                var m = await host.Archive.GetManifestAsync(row.CaseId, ct);
                if (m.Sealed && !includeSealed) continue;
                var file = LogOf(m).Snapshot();
                if (file.Events.Count > 0) files.Add(file);
            }
            catch (Exception e) when (e is StoredStageLogException or ArchiveCorruptException or CaseNotFoundException)
            {
                problems.Add(e.Message);
            }
        }
        return (files, rows.ToDictionary(r => r.CaseId, StringComparer.Ordinal), problems);
    }

    /// <summary>Today in China, by the archive's clock.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(host.Archive.Clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
}
