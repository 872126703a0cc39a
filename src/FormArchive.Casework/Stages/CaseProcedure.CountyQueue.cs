using FormArchive.Archive.Catalog;

namespace FormArchive.Casework.Stages;

// A county's queue: its townships' submitted cases, found through the catalog and replayed from the archive.
public sealed partial class CaseProcedure
{
    /// <summary>
    /// The queue of <paramref name="county"/> on <paramref name="today"/> (default: the archive clock's day): every case
    /// of its townships that is with the county (<see cref="CaseStatus.WithCounty"/>), optionally of one township or
    /// category, oldest 审核确认 deadline first; overdue and due within 3 working days marked on the same calendar.
    /// </summary>
    public async Task<CountyQueueReport> CountyQueueAsync(County county, string? township = null, AssistanceCategory? category = null,
        DateOnly? today = null, CancellationToken ct = default)
    {
        var day = today ?? Today();
        var townships = county.Townships.Where(t => township is null || t == township.Trim()).ToList();
        // With the county means submitted, or confirmed by it and not yet countersigned.
        var rows = townships.SelectMany(t => new[] { CaseStage.Submitted, CaseStage.Confirmed }
                .Select(s => InTownship(t, new CatalogQuery { CaseStage = s.ToString(), Status = Archive.Catalog.SealState.Open }))
                .Append(InTownship(t, new CatalogQuery { CaseStage = InvalidStage, Status = Archive.Catalog.SealState.Open })))
            .SelectMany(r => r).DistinctBy(r => r.CaseId).ToList();
        var (files, entries, problems) = await LoadAsync(rows, includeSealed: false, ct);
        var lines = new List<CountyQueueLine>();
        foreach (var file in files)
        {
            if (category is not null && !file.Categories.Contains(category)) continue;
            var status = StageRules.Evaluate(file, Calendar);
            if (!status.WithCounty) continue;
            var row = entries[file.CaseId];
            var submitted = file.Events.Last(e => e.Kind == CaseEventKind.Submitted).Date;
            var due = status.Deadlines.Where(d => d.What == CaseEventKind.Confirmed.Label()).OrderBy(d => d.Due).LastOrDefault();
            var open = due is { IsOpen: true };
            var awaiting = status.Stage == CaseStage.Confirmed ? "负责人审签" : "审核确认";
            lines.Add(new CountyQueueLine(file.CaseId, row.FileNumber, row.ApplicantName, file.Township, row.Village,
                [.. file.Categories.Select(c => c.Name)], submitted, due?.Due, due?.What, due?.Basis,
                open && due!.IsOverdue(day), open && !due!.IsOverdue(day) && TodoList.Classify(due.Due, day, Calendar) is not null,
                awaiting, status.Warnings));
        }
        var ordered = lines.OrderBy(l => l.Due ?? DateOnly.MaxValue).ThenBy(l => l.Submitted).ThenBy(l => l.CaseId, StringComparer.Ordinal).ToList();
        return new CountyQueueReport(county.Name, county.Bureau, day, ordered, problems) { Townships = county.Townships };
    }
}
