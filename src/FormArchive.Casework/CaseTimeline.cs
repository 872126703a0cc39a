namespace FormArchive.Casework;

/// <summary>A case's stage log as a timeline: one line per event, in China time, labels in Chinese.</summary>
public static class CaseTimeline
{
    /// <summary>The events of <paramref name="file"/> in log order; staff present at a home visit follow the actor.</summary>
    public static IReadOnlyList<TimelineEntry> Of(CaseFile file) =>
    [
        .. file.Events.Select(e =>
        {
            var local = e.At.ToOffset(ChinaTime.Offset);
            var staff = (e.Staff ?? []).Where(s => !string.IsNullOrWhiteSpace(s) && s != e.Actor).ToList();
            var actor = staff.Count == 0 ? e.Actor : $"{e.Actor}、{string.Join("、", staff)}";
            return new TimelineEntry(e.Date, TimeOnly.FromDateTime(local.DateTime), e.Kind.Label(), actor,
                e.Outcome?.Label(), e.Reason, e.Note) { Documents = e.Documents ?? [] };
        }),
    ];
}
