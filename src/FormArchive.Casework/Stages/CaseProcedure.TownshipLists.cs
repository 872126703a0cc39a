using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Casework.Volumes;

namespace FormArchive.Casework.Stages;

// A township's lists: the 待办 list and the monthly 定期复核名单, found through the catalog and replayed from the archive.
public sealed partial class CaseProcedure
{
    /// <summary>
    /// The 待办 list of <paramref name="township"/> on <paramref name="today"/> (default: the archive clock's day):
    /// open cases whose next deadline is overdue, due today or within 3 working days, found through the catalog
    /// and then replayed from the archive. Cases whose stored steps do not replay are listed as problems.
    /// </summary>
    public async Task<TodoReport> TodoAsync(string township, DateOnly? today = null, CancellationToken ct = default)
    {
        var day = today ?? Today();
        var horizon = Calendar.AddWorkingDays(day, TodoList.SoonWorkingDays).Date;
        var rows = InTownship(township, new CatalogQuery { DueBefore = horizon.AddDays(1), Status = Archive.Catalog.SealState.Open })
            .Concat(InTownship(township, new CatalogQuery { CaseStage = InvalidStage, Status = Archive.Catalog.SealState.Open }))
            .Concat(InTownship(township, new CatalogQuery { CaseStage = CaseStage.Returned.ToString(), Status = Archive.Catalog.SealState.Open }))
            .DistinctBy(r => r.CaseId).ToList();
        // Nothing more can be recorded on a sealed volume, so its open deadlines are no one's 待办.
        var (files, entries, problems) = await LoadAsync(rows, includeSealed: false, ct);
        var lines = TodoList.For(township, files, day, Calendar).Select(i =>
        {
            var row = entries[i.CaseId];
            return new TodoLine(i.CaseId, row.FileNumber, row.ApplicantName, row.Village, i.Stage, i.Stage.Label(),
                i.Deadline.What, i.Deadline.Due, i.Deadline.Basis, i.Bucket, i.Deadline.Warnings)
            { Supply = CountyReturn.Outstanding(files.First(f => f.CaseId == i.CaseId).Events) };
        }).ToList();
        // Back from the county for 补正, whatever their deadlines: the township has to supply and submit again.
        var returned = files.Where(f => f.Township == township).Select(f => (File: f, Supply: CountyReturn.Outstanding(f.Events)))
            .Where(x => x.Supply.Count > 0)
            .Select(x =>
            {
                var row = entries[x.File.CaseId];
                var back = x.File.Events.Last(e => e.Kind == CaseEventKind.Returned);
                return new ReturnedLine(x.File.CaseId, row.FileNumber, row.ApplicantName, row.Village, back.Date, back.SignedBy?.Label, x.Supply);
            })
            .OrderBy(l => l.ReturnedOn).ThenBy(l => l.CaseId, StringComparer.Ordinal).ToList();
        return new TodoReport(township, day, lines, problems) { Returned = returned };
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

    private IEnumerable<CatalogEntry> InTownship(string township, CatalogQuery q) =>
        // The catalog matches townships by part of the name; the lists want this township exactly.
        host.Catalog.Search(q with { Township = township, Limit = 10_000 }).Where(r => r.Township == township.Trim());

    private async Task<(List<StageLogSnapshot> Files, Dictionary<string, CatalogEntry> Entries, List<string> Problems)> LoadAsync(
        IReadOnlyList<CatalogEntry> rows, bool includeSealed, CancellationToken ct)
    {
        var files = new List<StageLogSnapshot>();
        var problems = new List<string>();
        foreach (var row in rows.OrderBy(r => r.CaseId, StringComparer.Ordinal))
        {
            try
            {
                var m = await host.Archive.GetManifestAsync(row.CaseId, ct);
                if (m.Sealed && !includeSealed) continue;
                var volumes = await SupplementVolumes.AllVolumesAsync(host.Archive, m, ct);
                // A case is listed once, by its latest volume, which carries the log of them all.
                if (volumes[^1].CaseId != m.CaseId) continue;
                var file = (await ReplayAsync(host.Archive, m.CaseId, volumes, Rules, ct)).Snapshot();
                if (file.Events.Count > 0) files.Add(file);
            }
            catch (Exception e) when (e is StoredStageLogException or ArchiveCorruptException or CaseNotFoundException)
            {
                problems.Add(e.Message);
            }
        }
        return (files, rows.ToDictionary(r => r.CaseId, StringComparer.Ordinal), problems);
    }
}
