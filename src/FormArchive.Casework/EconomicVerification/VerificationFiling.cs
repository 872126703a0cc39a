using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Volumes;

namespace FormArchive.Casework.EconomicVerification;

/// <summary>A 核对 result to file: who made it (the 核对机构, 责任者), the report PDF as sent and its data (JSON text).</summary>
public sealed record VerificationToFile(string Agency, string ReportFileName, byte[] Report, string Data);

/// <summary>
/// Files a 家庭经济状况核对 result into a case as the county's 核对机构 sends it: the report PDF and its data, kept beside
/// it as a JSON document derived from it, in one archive call and so one event (as a scan is filed with its reading).
/// Both carry the 核对机构 as 责任者 and the 核对日期 as 形成日期; the PDF carries the report's number as 文号. A new result
/// (a re-check) is filed beside the earlier ones and is the current one; the same result posted again — the same PDF
/// and the same data, however its JSON is written — files nothing and answers the one filed. A sealed case's result
/// goes to its open 补充卷 (opened if none), as the steps that continue after sealing do. The service and the CLI
/// both file through here; the caller has screened the PDF.
/// </summary>
public static class VerificationFiling
{
    /// <summary>The data's file name ends so; the checklist and the case's view find results by it.</summary>
    public const string DataSuffix = ".verification.json";
    public const string ReportTitle = "居民家庭经济状况核对报告";
    public const string DataTitle = ReportTitle + "（结构化数据）";
    /// <summary>What the data document is, for a reader of the archive without this code.</summary>
    public const string Format = "formarchive.verification-result/1";

    // One filing per case at a time in this process, so that the look for the same result and the filing hold together
    // (the archive's own gate covers only the filing itself).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <exception cref="VerificationDataException">The data is not a 核对 result of this case; nothing is filed.</exception>
    /// <exception cref="ArgumentException">The report is not a PDF, or no 核对机构 is named.</exception>
    public static async Task<FiledVerification> FileAsync(CaseArchive archive, CaseManifest m, VerificationToFile result, string actor,
        CancellationToken ct = default)
    {
        if (!result.Report.AsSpan().StartsWith("%PDF-"u8)) throw new ArgumentException("核对报告应为 PDF 文件。", nameof(result));
        if (string.IsNullOrWhiteSpace(result.Agency)) throw new ArgumentException("须写明出具核对报告的核对机构。", nameof(result));
        var volumes = await SupplementVolumes.AllVolumesAsync(archive, m, ct);
        var household = await CaseHousehold.ReadAsync(archive, volumes[^1], ct);
        var root = volumes[0].Metadata;
        var data = VerificationDataReader.Read(result.Data, household, (root.ApplicantName, root.IdNumber), ChinaTime.Today());
        var reportSha = ContentDigest.Sha256Hex(result.Report);
        var record = ArchiveJson.Bytes(new JsonObject
        {
            ["format"] = Format, ["agency"] = result.Agency.Trim(), ["reportSha256"] = reportSha, ["data"] = data,
        });
        var recordSha = ContentDigest.Sha256Hex(record);

        var gate = Gates.GetOrAdd(volumes[0].CaseId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            volumes = await SupplementVolumes.AllVolumesAsync(archive, m, ct);
            if (VerificationResults.In(volumes).LastOrDefault(r => r.Data.Sha256 == recordSha) is { } filed) return filed with { AlreadyFiled = true };
            var target = volumes[^1].Sealed ? await SupplementVolumes.OpenAsync(archive, volumes[^1], actor, ct, joinOpen: true) : volumes[^1];
            var checkedOn = DateOnly.ParseExact((string)data["checkedOn"]!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var stem = ReportStem(result.ReportFileName);
            // The report filed before in this volume (the same PDF with other data) is the one the new data derives from.
            var report = target.Documents.LastOrDefault(d => d.Sha256 == reportSha && d.MediaType == "application/pdf");
            var uploads = new List<DocumentUpload>();
            if (report is null)
                uploads.Add(new DocumentUpload
                {
                    Title = ReportTitle, ResponsibleParty = result.Agency.Trim(), DocNumber = Number(data), Date = checkedOn,
                    FileName = stem + ".pdf", MediaType = "application/pdf", Content = result.Report,
                });
            uploads.Add(new DocumentUpload
            {
                Title = DataTitle, ResponsibleParty = result.Agency.Trim(), Date = checkedOn, FileName = stem + DataSuffix,
                MediaType = "application/json", Content = record, DerivedFrom = reportSha,
            });
            var entries = await archive.AddDocumentsAsync(target.CaseId, uploads, actor, ct);
            return new FiledVerification(target.CaseId, report ?? entries[0], entries[^1]);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The report's number as the 卷内目录's 文号, if it is one (a number too long or odd for that column is kept in the data only).</summary>
    private static string? Number(JsonObject data) =>
        DocumentNumber.TryNormalize((string?)data["reportNumber"], out var number, out _) ? number : null;

    private static string ReportStem(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        return string.IsNullOrWhiteSpace(stem) || stem.Any(char.IsControl) ? "核对报告" : stem.Trim();
    }
}
