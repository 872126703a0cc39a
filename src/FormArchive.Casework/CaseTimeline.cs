using FormArchive.Archive.Dossier;

namespace FormArchive.Casework;

/// <summary>A case's stage log as a timeline: one line per event, in China time, labels in Chinese.</summary>
public static class CaseTimeline
{
    /// <summary>The events of <paramref name="file"/> in log order; staff present at a home visit follow the actor.</summary>
    public static IReadOnlyList<TimelineEntry> Of(StageLogSnapshot file) =>
    [
        .. file.Events.Select(e =>
        {
            var local = e.At.ToOffset(ChinaTime.Offset);
            var staff = (e.Staff ?? []).Where(s => !string.IsNullOrWhiteSpace(s) && s != e.Actor).ToList();
            var actor = staff.Count == 0 ? e.Actor : $"{e.Actor}、{string.Join("、", staff)}";
            return new TimelineEntry(e.Date, TimeOnly.FromDateTime(local.DateTime), e.Kind.Label(), actor,
                e.Outcome?.Label(), e.Reason, e.Note)
            { Documents = e.Documents ?? [], SignedBy = e.SignedBy?.Label, Supply = e.Supply ?? [], Terms = e.Terms };
        }),
    ];

    /// <summary>
    /// The timeline as the dossier's 案卷办理过程 prints it: the signer (unit, post, name) as the one who acted where the
    /// step was signed; the outcome, the reason (理由), the items to supply and the note in one 说明 cell.
    /// </summary>
    public static IReadOnlyList<CaseProcessStep> DossierSteps(IReadOnlyList<TimelineEntry> timeline) =>
    [
        .. timeline.Select(t => new CaseProcessStep(t.Date, t.Time, t.What, t.SignedBy ?? t.Actor,
            string.Join("；", new[]
            {
                t.Outcome, t.Reason is { Length: > 0 } why ? "理由：" + why : null,
                t.Supply.Count > 0 ? "补正材料：" + string.Join("、", t.Supply) : null,
                t.Terms is { FromMonth: { } from } ? $"从{from.Year}年{from.Month}月起执行" : null, t.Note,
            }.Where(s => !string.IsNullOrWhiteSpace(s))))),
    ];
}
