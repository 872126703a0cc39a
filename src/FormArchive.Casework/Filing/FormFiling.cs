using FormArchive.Archive.Cases;

namespace FormArchive.Casework.Filing;

/// <summary>Files a form printed for a case into it, under the case's 立卷单位 and today's date (China time).</summary>
public static class FormFiling
{
    public static Task<DocumentEntry> FileAsync(CaseArchive archive, CaseManifest m, FormToFile form, string clerk, CancellationToken ct = default) =>
        archive.AddDocumentAsync(m.CaseId, new DocumentUpload
        {
            Title = form.Title, ResponsibleParty = m.Metadata.Agency, Date = ChinaTime.Today(), DocNumber = form.DocNumber,
            FileName = form.FileName, MediaType = "application/pdf", Content = form.Content, DerivedFrom = form.DerivedFrom,
        }, clerk, ct);
}
