using System.Text.Json.Nodes;
using FormArchive.Archive;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Catalog;
using FormArchive.Archive.Dossier;
using FormArchive.Archive.Printing;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Records;
using FormArchive.Casework.Volumes;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

namespace FormArchive.Casework.Stages;

/// <summary>
/// The procedure of the cases in one archive: records a step (checked against the stored log, under the
/// case's gate, appended to its hash-chained log), and reads a case's progress, a township's 待办 list and
/// its monthly 定期复核名单. Every read replays the stored steps through <see cref="StageLog"/>, so a stored log
/// the rules refuse is an error, never a silently wrong answer. The service and the CLI both call this.
/// A case's log runs through all its volumes: steps after sealing (<see cref="StepsAfterSealing"/>) go to its
/// 补充卷 and continue the log there. The rules and categories in force at 受理 are recorded with it, so a later
/// change of the installation's rules does not move the case's deadlines.
/// </summary>
public sealed class CaseProcedure(ArchiveHost host, WorkingDayCalendar calendar, CaseworkSettings? settings = null) : IStageLabelSource
{
    /// <summary>The stage name the catalog keeps for a case whose stored steps do not replay.</summary>
    public const string InvalidStage = "Invalid";

    public WorkingDayCalendar Calendar { get; } = calendar;
    /// <summary>The installation's rules: recorded with each new 受理, and governing cases accepted before rules were recorded.</summary>
    public LocalRules Rules { get; } = (settings ?? CaseworkSettings.Default).Rules;
    public ReviewIntervals Intervals { get; } = (settings ?? CaseworkSettings.Default).Intervals;

    /// <summary>The catalog's view of the stage rules (hand it to <see cref="ArchiveHost.OpenAsync"/>).</summary>
    public static ICatalogStageSource Standing(WorkingDayCalendar calendar, LocalRules rules = LocalRules.Chizhou) => new CatalogStageReplay(calendar, rules);

    /// <summary>
    /// Records <paramref name="e"/> on the case. Refused (nothing written) if the rules do not allow it after the
    /// stored steps (<see cref="CaseworkException"/>), if it lies in the future, if the stored steps do not replay
    /// (<see cref="StoredStageLogException"/>) or if the case is sealed and the step is not one that continues in a
    /// 补充卷 (<see cref="CaseSealedForStagesException"/>). A step that does goes to the case's open volume, which is
    /// opened if there is none — only once the step has passed the rules against the whole log.
    /// </summary>
    /// <param name="clerk">Who writes the log entry (the archive's actor); <paramref name="e"/>'s actor is who did the step.</param>
    public async Task<CaseProgressReport> RecordAsync(string caseId, CaseEvent e, string clerk, CancellationToken ct = default)
    {
        RefuseFuture(e);
        var target = await VolumeForAsync(caseId, e, clerk, ct);
        var earlier = await SupplementVolumes.EarlierVolumesAsync(host.Archive, target, ct);
        var applied = await AppliedForAsync(host.Archive, earlier.FirstOrDefault() ?? target, ct);
        CaseManifest m;
        try
        {
            m = await host.Archive.AppendStageAsync(target.CaseId, current =>
            {
                if (current.Sealed) throw new CaseSealedForStagesException(current.CaseId);
                return Checked(current, earlier, applied, e).Record; // throws CaseworkException: nothing is written
            }, clerk, ct);
        }
        catch (CaseSealedException)
        {
            throw new CaseSealedForStagesException(target.CaseId);
        }
        IReadOnlyList<CaseManifest> volumes = [.. earlier, m];
        return Report(m, volumes, Replay(m.CaseId, volumes, Rules, applied).Snapshot(), Today());
    }

    /// <summary>
    /// The volume a step on <paramref name="caseId"/> goes to: the case itself while it is open; for a sealed case, a
    /// step that continues after sealing goes to its open 补充卷, which is opened if there is none — only once the
    /// step has passed the rules against the whole log, so a refused step opens no volume.
    /// </summary>
    private async Task<CaseManifest> VolumeForAsync(string caseId, CaseEvent e, string clerk, CancellationToken ct)
    {
        var m = await host.Archive.GetManifestAsync(caseId, ct);
        if (!m.Sealed) return m;
        if (!StepsAfterSealing.ContinueInSupplement(e.Kind)) throw new CaseSealedForStagesException(caseId);
        var volumes = await SupplementVolumes.AllVolumesAsync(host.Archive, m, ct);
        var last = volumes[^1];
        if (!last.Sealed) return last;
        if (e.Documents is { Count: > 0 })
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：案件已封存，所附文件须归入补充卷后再记录。");
        Check(await ReplayAsync(host.Archive, last.CaseId, volumes, Rules, ct), e, last);
        return await SupplementVolumes.OpenAsync(host.Archive, last, clerk, ct, joinOpen: true);
    }

    /// <summary>
    /// Records <paramref name="e"/> with <paramref name="form"/> printed at it from the case's newest saved case data,
    /// its dates filled from the steps (this one last, <see cref="StageFormDates"/>), filed in the case and named by
    /// the step. Everything that can refuse the step is asked before anything is written: a form the step may not
    /// print (<see cref="StageForms"/>), a step the procedure refuses, a case-data date contradicting the steps
    /// (<see cref="CaseworkException"/>), no saved case data (<see cref="NoCaseRecordException"/>), data the form lacks
    /// (<see cref="CaseRecordIncompleteException"/>), a sealed case; and the step is checked again under the case's gate
    /// before the form is filed, so of two clerks racing the loser files nothing. Only if another instance writes
    /// between the form's entry and the step's and the step is then refused does the form stay filed unnamed, and
    /// <see cref="StageRefusedAfterFilingException"/> names it.
    /// </summary>
    public async Task<StepFormFiled> RecordWithFormAsync(string caseId, CaseEvent e, FormTemplate form, FormPrinter printer, string clerk, CancellationToken ct = default)
    {
        if (!StageForms.Allows(e.Kind, form.Metadata.Id)) throw new CaseworkException(StageForms.Refusal(e.Kind, form.Metadata.Id, form.Metadata.Title));
        RefuseFuture(e);
        for (int attempt = 1; ; attempt++)
        {
            var m = await host.Archive.GetManifestAsync(caseId, ct);
            if (m.Sealed) throw new CaseSealedException(m.CaseId);
            var versions = CaseRecordVersions.List(m);
            if (versions.Count == 0) throw new NoCaseRecordException(m.CaseId);
            var newest = versions[^1];
            var data = await CaseRecordVersions.ReadAsync(host.Archive, m, newest, ct)
                ?? throw new InvalidOperationException($"case data version {versions.Count} of {m.CaseId} is not a JSON object");
            var earlier = await SupplementVolumes.EarlierVolumesAsync(host.Archive, m, ct);
            var applied = await AppliedForAsync(host.Archive, earlier.FirstOrDefault() ?? m, ct);
            var (_, log) = Checked(m, earlier, applied, e); // the procedure's refusal comes before what the form lacks

            var json = (JsonObject)data.DeepClone();
            StageFormDates.Fill(json, log.Events);
            var missing = PrintRequirements.Missing(form, json);
            if (missing.Count > 0) throw new CaseRecordIncompleteException(form.Metadata.Title, versions.Count, missing);
            var text = json.ToJsonString();
            var printed = printer.Print(form.Metadata.Id, text, OutputFormat.Pdf);
            // Titled and derived as a form printed from the record is: the 卷内目录 shows which data it carries.
            var source = new CaseRecordPrintSource(versions.Count, m.Documents.Single(d => d.No == newest.DocumentNo), json);
            var upload = CaseRecordPrinting.Upload(m, source, printed, FormDocNumber.Of(printed.Form, text));
            var printedFrom = m.Stages.Count;
            try
            {
                var (after, filed) = await host.Archive.FileForStageAsync(m.CaseId, upload, (current, no) =>
                {
                    // Before filing, a log that moved on since printing means the form may carry stale dates: print again.
                    var isFiled = current.Documents.Any(d => d.No == no);
                    if (!isFiled && current.Stages.Count != printedFrom && attempt < MaxPrintAttempts) throw new StaleStepLogException();
                    return Checked(current, earlier, applied, e, form: no).Record;
                }, clerk, ct);
                IReadOnlyList<CaseManifest> volumes = [.. earlier, after];
                var progress = Report(after, volumes, Replay(after.CaseId, volumes, Rules, applied).Snapshot(), Today());
                return new StepFormFiled(after.CaseId, filed, versions.Count, printed.Document.PageCount, progress);
            }
            catch (StaleStepLogException)
            {
                // Another step was recorded meanwhile and this one is still allowed: print from the newer log.
            }
        }
    }

    /// <summary>A step dated in the future is refused, with a minute's grace for clocks that differ between the clerk's machine and the server.</summary>
    private void RefuseFuture(CaseEvent e)
    {
        if (e.At > host.Archive.Clock.GetUtcNow().AddMinutes(1))
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：事件时间 {e.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 晚于现在，只能记录已经发生的办理环节。");
    }

    private const int MaxPrintAttempts = 3;

    /// <summary>The log moved on between printing a step's form and filing it (never leaves <see cref="RecordWithFormAsync"/>).</summary>
    private sealed class StaleStepLogException : Exception;

    /// <summary>
    /// <paramref name="e"/> checked against the log of <paramref name="current"/> (and the volumes before it): the stored
    /// step, naming <paramref name="form"/> too if given, and the log with the step in it. The first 受理 records the
    /// rules and categories of the case from now on, whatever the installation says later.
    /// </summary>
    /// <exception cref="CaseworkException">The rules refuse the step, or it names a document not in the volume.</exception>
    private (StageRecord Record, StageLog Log) Checked(CaseManifest current, IReadOnlyList<CaseManifest> earlier,
        IReadOnlyList<AssistanceCategory> applied, CaseEvent e, int? form = null)
    {
        var log = Replay(current.CaseId, [.. earlier, current], Rules, applied);
        var record = StageRecords.ToRecord(form is { } no ? e with { Documents = [.. e.Documents ?? [], no] } : e);
        if (e.Kind == CaseEventKind.Accepted && log.Events.Count == 0)
        {
            // No known category: refused below, as before.
            var levels = LevelsOf(log.Township);
            log = new StageLog(current.CaseId, log.Township, applied, Rules, levels: levels);
            record = record with
            {
                Rules = Rules.ToString(),
                Categories = applied.Count > 0 ? [.. applied.Select(c => c.Name)] : null,
                Confirms = levels.ToCodes(),
            };
        }
        CheckDocuments(e, current);
        Check(log, e, current);
        return (record, log);
    }

    /// <summary>The documents a step names must be filed in the volume it is recorded in, each once.</summary>
    private static void CheckDocuments(CaseEvent e, CaseManifest m)
    {
        var named = e.Documents ?? [];
        if (named.Count > MaxDocumentsPerStep || named.Distinct().Count() != named.Count)
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：所附文件的件号应各不相同，至多{MaxDocumentsPerStep}件。");
        foreach (var no in named)
            if (m.Documents.All(d => d.No != no))
                throw new CaseworkException($"不能记录“{e.Kind.Label()}”：案卷 {m.CaseId} 中没有件号为 {no} 的文件。");
    }

    public const int MaxDocumentsPerStep = 20;

    private static void Check(StageLog log, CaseEvent e, CaseManifest m)
    {
        if (log.Categories.Count == 0)
            throw new CaseworkException($"不能记录“{e.Kind.Label()}”：案件的救助类别“{m.Metadata.Category}”无法识别。");
        log.Append(e);
    }

    /// <summary>Every category the case was opened for (its case data), else the one its metadata names; unknown names are left out.</summary>
    private static async Task<IReadOnlyList<AssistanceCategory>> AppliedForAsync(CaseArchive archive, CaseManifest m, CancellationToken ct)
    {
        var application = await FiledApplication.ReadAsync(archive, m, ct);
        var names = application?.Categories is { Count: > 0 } given ? given : [m.Metadata.Category];
        return [.. names.Select(n => AssistanceCategory.TryParse(n, out var c) ? c : null).OfType<AssistanceCategory>().Distinct()];
    }

    /// <summary>The case's stage, deadlines, warnings and timeline on the archive clock's China-time day, through all its volumes.</summary>
    public async Task<CaseProgressReport> ProgressAsync(string caseId, CancellationToken ct = default) =>
        await ReportAsync(await host.Archive.GetManifestAsync(caseId, ct), ct);

    /// <summary>
    /// The case's dossier (<see cref="DossierBuilder"/>) with its 案卷办理过程: the recorded steps of all its volumes,
    /// replayed through the rules, printed after the documents. A stored log the rules refuse is an error
    /// (<see cref="StoredStageLogException"/>), as for <see cref="ProgressAsync"/>, not a dossier silently without its steps.
    /// </summary>
    /// <param name="printer">Prints the archive's pages (the service's, from its templates folder); null: <see cref="ArchivePrinter.Default"/>.</param>
    public async Task<byte[]> DossierAsync(string caseId, string actor, ArchivePrinter? printer = null, CancellationToken ct = default)
    {
        var m = await host.Archive.GetManifestAsync(caseId, ct);
        var volumes = await SupplementVolumes.AllVolumesAsync(host.Archive, m, ct);
        var steps = CaseTimeline.DossierSteps(CaseTimeline.Of((await ReplayAsync(host.Archive, m.CaseId, volumes, Rules, ct)).Snapshot()));
        // The manifest read once: the steps and the pages come from the same state of the case.
        var later = volumes.Where(v => Math.Max(1, v.Metadata.Volume) > Math.Max(1, m.Metadata.Volume)).Select(v => v.Metadata.Volume).ToList();
        return await DossierBuilder.BuildAsync(host.Archive, m, later, actor, steps, printer, ct);
    }

    /// <inheritdoc/>
    public async Task<string?> StageLabelAsync(CaseManifest m, CancellationToken ct)
    {
        try { return (await ReportAsync(m, ct)).StageLabel; }
        catch (Exception e) when (e is StoredStageLogException or CaseworkException) { return null; }
    }

    /// <summary>Progress of an already loaded case (any of its volumes): the whole log, every volume's steps in order.</summary>
    public async Task<CaseProgressReport> ReportAsync(CaseManifest m, CancellationToken ct = default)
    {
        var volumes = await SupplementVolumes.AllVolumesAsync(host.Archive, m, ct);
        return Report(m, volumes, (await ReplayAsync(host.Archive, m.CaseId, volumes, Rules, ct)).Snapshot(), Today());
    }

    /// <summary>The stored steps of <paramref name="m"/> and the volumes before it, replayed through the rules.</summary>
    /// <exception cref="StoredStageLogException">A stored step is unreadable or refused.</exception>
    public async Task<StageLog> LogOfAsync(CaseManifest m, CancellationToken ct = default) =>
        await ReplayAsync(host.Archive, m.CaseId, [.. await SupplementVolumes.EarlierVolumesAsync(host.Archive, m, ct), m], Rules, ct);

    private CaseProgressReport Report(CaseManifest m, IReadOnlyList<CaseManifest> volumes, StageLogSnapshot file, DateOnly today)
    {
        var heldBy = volumes.SelectMany(v => v.Stages.Select(_ => v.CaseId)).ToList();
        var timeline = CaseTimeline.Of(file).Select((t, i) => t with { Volume = heldBy[i] }).ToList();
        IReadOnlyList<string> categories = [.. file.Categories.Select(c => c.Name)], volumeIds = [.. volumes.Select(v => v.CaseId)];
        if (file.Events.Count == 0)
            return new CaseProgressReport(m.CaseId, m.Metadata.Township, m.Metadata.Category, null, null, today, [], [], null, null, null, timeline, m.Sealed)
            { Categories = categories, Volumes = volumeIds };
        var status = StageRules.Evaluate(file, Calendar);
        return new CaseProgressReport(m.CaseId, m.Metadata.Township, m.Metadata.Category, status.Stage, status.Stage.Label(), today,
            status.Deadlines.Select(d => DeadlineLine.Of(d, today)).ToList(), status.Warnings,
            status.PublicityStart, status.PublicityEnd, status.BenefitFromMonth, timeline, m.Sealed)
        { Categories = categories, Rules = file.Rules.ToString(), Volumes = volumeIds };
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
        var rows = InTownship(township, new CatalogQuery { DueBefore = horizon.AddDays(1), Status = Archive.Catalog.SealState.Open })
            .Concat(InTownship(township, new CatalogQuery { CaseStage = InvalidStage, Status = Archive.Catalog.SealState.Open }))
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

    /// <summary>
    /// <see cref="Replay"/>, reading the categories the case was opened for from its case data when its 受理 did not
    /// record them (logs from before they were recorded): those deadlines too follow every category.
    /// </summary>
    internal static async Task<StageLog> ReplayAsync(CaseArchive archive, string caseId, IReadOnlyList<CaseManifest> volumes, LocalRules installationRules, CancellationToken ct)
    {
        var first = volumes.SelectMany(v => v.Stages).FirstOrDefault();
        var applied = first is not null && first.Categories is null ? await AppliedForAsync(archive, volumes[0], ct) : null;
        return Replay(caseId, volumes, installationRules, applied);
    }

    /// <summary>
    /// The stored steps of <paramref name="volumes"/> (a case's volumes, oldest first) replayed through the rules,
    /// one by one, as the log of <paramref name="caseId"/>. The rules and categories are those recorded with 受理;
    /// for logs from before they were recorded, <paramref name="installationRules"/> and <paramref name="appliedFor"/>
    /// (the case data's categories), else the first volume's category.
    /// </summary>
    /// <exception cref="StoredStageLogException">A stored step is unreadable or refused.</exception>
    internal static StageLog Replay(string caseId, IReadOnlyList<CaseManifest> volumes, LocalRules installationRules, IReadOnlyList<AssistanceCategory>? appliedFor = null)
    {
        var first = volumes[0];
        var stages = volumes.SelectMany(v => v.Stages).ToList();
        var rules = installationRules;
        IReadOnlyList<AssistanceCategory> categories = appliedFor is { Count: > 0 } ? appliedFor
            : AssistanceCategory.TryParse(first.Metadata.Category, out var c) ? [c] : [];
        if (stages.Count > 0 && stages[0].Kind == nameof(CaseEventKind.Accepted))
        {
            if (stages[0].Rules is { } recorded && !(Enum.TryParse(recorded, ignoreCase: false, out rules) && Enum.IsDefined(rules) && !char.IsDigit(recorded[0])))
                throw new StoredStageLogException(caseId, 1, $"未知的办理规则“{recorded}”。");
            if (stages[0].Categories is { Count: > 0 } names)
            {
                var parsed = names.Select(n => AssistanceCategory.TryParse(n, out var x) ? x : null).ToList();
                if (parsed.Contains(null))
                    throw new StoredStageLogException(caseId, 1, $"受理时记录的救助类别“{string.Join("、", names)}”无法识别。");
                categories = [.. parsed.OfType<AssistanceCategory>()];
            }
        }
        // Which level confirms what, as recorded at 受理 (not the installation's setting of today); none in older logs.
        var levels = stages.Count > 0 && stages[0].Kind == nameof(CaseEventKind.Accepted) && stages[0].Confirms is { } confirms
            ? ConfirmingLevels.FromCodes(confirms, ConfirmingLevels.Of(rules)) : null;
        var log = new StageLog(caseId, first.Metadata.Township.Trim(), categories, rules, levels: levels);
        if (stages.Count > 0 && log.Categories.Count == 0)
            throw new StoredStageLogException(caseId, 1, $"救助类别“{first.Metadata.Category}”无法识别。");
        for (int i = 0; i < stages.Count; i++)
        {
            var e = StageRecords.FromRecord(stages[i])
                    ?? throw new StoredStageLogException(caseId, i + 1, $"未知的办理环节“{stages[i].Kind}”或结果“{stages[i].Outcome}”。");
            try { log.Append(e); }
            catch (CaseworkException x) { throw new StoredStageLogException(caseId, i + 1, x.Message); }
        }
        return log;
    }

    /// <summary>The confirming levels of the township's county, or of the installation's procedure where no county holds it.</summary>
    private ConfirmingLevels LevelsOf(string township) =>
        (settings ?? CaseworkSettings.Default).Counties.OfTownship(township)?.Levels ?? ConfirmingLevels.Of(Rules);

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

    /// <summary>Today in China, by the archive's clock.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(host.Archive.Clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
}
