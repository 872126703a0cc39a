using System.Security.Cryptography;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Filing;

namespace FormArchive.Casework.Opening;

/// <summary>
/// Opens a case: checks the application, issues the case id, claims the clerk's file number in the township and
/// files the opening event together with the case data (household members), so no case ever exists without it.
/// The service's POST /api/cases and <c>formarchive case open</c> both open cases through here.
/// </summary>
public static class CaseOpening
{
    public const string CaseDataTitle = "案件数据（申请信息与家庭成员）";

    /// <param name="township">The clerk's township (a clerk files cases of their own township only: the caller checks that).</param>
    /// <exception cref="CaseApplicationException">The application is refused; nothing was written.</exception>
    /// <exception cref="FileNumberInUseException">The file number is another case's; nothing was written.</exception>
    public static async Task<CaseManifest> OpenAsync(
        CaseArchive archive, CaseApplication application, string township, string clerk, CancellationToken ct = default)
    {
        if (CaseApplicationCheck.Problems(application) is { Count: > 0 } problems) throw new CaseApplicationException(problems);
        var today = ChinaTime.Today();
        var caseId = $"{today:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        var fileNumber = string.IsNullOrWhiteSpace(application.FileNumber) ? null : application.FileNumber.Trim();
        // Unique within the township only: a conflict names a case the clerk may see anyway.
        if (fileNumber is not null && await FileNumbers.ClaimAsync(archive, township, fileNumber, caseId, ct) is { } holder)
            throw new FileNumberInUseException(township, fileNumber, holder);
        var a = application.Applicant!;
        var agency = application.Agency?.Trim() ?? township;
        var metadata = new CaseMetadata
        {
            CaseId = caseId,
            FileNumber = fileNumber,
            Title = string.IsNullOrWhiteSpace(application.Title) ? $"{a.Name.Trim()} {string.Join("、", application.Categories)}申请" : application.Title.Trim(),
            ApplicantName = a.Name.Trim(),
            IdNumber = a.IdNumber.Trim().ToUpperInvariant(),
            Township = township,
            Village = application.Village?.Trim() ?? "",
            // The catalog indexes the first category; the stage rules read them all from the case data.
            Category = application.Categories[0].Trim(),
            Status = application.Status?.Trim() is { Length: > 0 } s ? s : "受理",
            Agency = agency,
            OpenedOn = application.OpenedOn ?? today,
            // The unit's configured 保管期限 unless the clerk names one: recorded, so the sealed case keeps it.
            RetentionPeriod = application.RetentionPeriod?.Trim() is { Length: > 0 } r ? r : archive.Fonds.For(township, agency).RetentionPeriod!,
        };
        return await archive.OpenCaseAsync(metadata, clerk, [new DocumentUpload
        {
            Title = CaseDataTitle, ResponsibleParty = metadata.Agency, Date = metadata.OpenedOn,
            FileName = CaseHousehold.CaseDataFileName, MediaType = "application/json",
            Content = ArchiveJson.Bytes(application with { CaseId = caseId, Township = township }),
        }], ct);
    }
}
