using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Records;
using FormArchive.Casework.Volumes;
using FormArchive.Renderer.Rendering;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

namespace FormArchive.Casework.Stages;

// Recording a step with the form it prints: printed from the newest case data, filed in the case, named by the step;
// printed again when the log moved on meanwhile.
public sealed partial class CaseProcedure
{
    /// <summary>
    /// Records <paramref name="e"/> with <paramref name="form"/> printed at it from the case's newest saved case data,
    /// its dates, signers and the county's first month filled from the steps (this one last,
    /// <see cref="StageFormFields"/>), filed in the case and named by the step. Everything that can refuse the step is
    /// asked before anything is written: a form the step may not print (<see cref="StageForms"/>), a step the procedure
    /// refuses, a case-data date or name contradicting the steps (<see cref="CaseworkException"/>), no saved case data
    /// (<see cref="NoCaseRecordException"/>), data the form lacks (<see cref="CaseRecordIncompleteException"/>), a
    /// sealed case; and the step is checked again under the case's gate before the form is filed, so of two clerks
    /// racing the loser files nothing. Only if another instance writes between the form's entry and the step's and the
    /// step is then refused does the form stay filed unnamed, and <see cref="StageRefusedAfterFilingException"/> names it.
    /// </summary>
    public async Task<StepFormFiled> RecordWithFormAsync(
        string caseId, CaseEvent e, FormTemplate form, FormPrinter printer, string clerk, CancellationToken ct = default)
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
            StageFormFields.Fill(json, log.Events);
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

    private const int MaxPrintAttempts = 3;

    /// <summary>The log moved on between printing a step's form and filing it (never leaves <see cref="RecordWithFormAsync"/>).</summary>
    private sealed class StaleStepLogException : Exception;
}
