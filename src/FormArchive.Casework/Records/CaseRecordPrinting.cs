using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Templates;
using FormArchive.Templates.Printing;

namespace FormArchive.Casework.Records;

/// <summary>
/// A form printed from the newest saved version of the case data and filed into the case, its title naming the
/// version, so the 卷内目录 shows which data the signed paper carries.
/// </summary>
public static class CaseRecordPrinting
{
    /// <summary>
    /// The newest saved version, checked complete for <paramref name="form"/>. Refused: a sealed case
    /// (<see cref="CaseSealedException"/>), no version saved (<see cref="NoCaseRecordException"/>), a version lacking
    /// what the form needs (<see cref="CaseRecordIncompleteException"/>).
    /// </summary>
    /// <param name="fill">Fills what the case's log fixes (dates, signers) into a copy of the data before it is checked.</param>
    public static async Task<CaseRecordPrintSource> SourceAsync(CaseArchive archive, CaseManifest m, FormTemplate form,
        Action<JsonObject>? fill = null, CancellationToken ct = default)
    {
        if (m.Sealed) throw new CaseSealedException(m.CaseId);
        var versions = CaseRecordVersions.List(m);
        if (versions.Count == 0) throw new NoCaseRecordException(m.CaseId);
        var data = (await CaseRecordVersions.ReadAsync(archive, m, versions[^1], ct))!;
        if (fill is not null)
        {
            data = (JsonObject)data.DeepClone();
            fill(data);
        }
        var missing = PrintRequirements.Missing(form, data);
        if (missing.Count > 0) throw new CaseRecordIncompleteException(form.Metadata.Title, versions.Count, missing);
        return new CaseRecordPrintSource(versions.Count, m.Documents.Single(d => d.No == versions[^1].DocumentNo), data);
    }

    /// <summary>Files the printed form, derived from the version's document.</summary>
    public static Task<DocumentEntry> FileAsync(
        CaseArchive archive, CaseManifest m, CaseRecordPrintSource source, PrintedForm printed, string actor, CancellationToken ct = default) =>
        archive.AddDocumentAsync(m.CaseId, Upload(m, source, printed), actor, ct);

    /// <summary>The printed form as a document of the case: its title names the version, derived from the version's document.</summary>
    public static DocumentUpload Upload(CaseManifest m, CaseRecordPrintSource source, PrintedForm printed, string? docNumber = null) => new()
    {
        Title = $"{printed.Form.Title}（据案件数据第 {source.Version} 版）", ResponsibleParty = m.Metadata.Agency, Date = ChinaTime.Today(),
        DocNumber = docNumber, FileName = printed.FileName, MediaType = "application/pdf", Content = printed.Document.Content,
        DerivedFrom = source.Document.Sha256,
    };
}
