using FormArchive.Api.Audit;
using FormArchive.Api.Cases;
using FormArchive.Api.Http;
using FormArchive.Api.Settings;
using FormArchive.Api.Work;
using FormArchive.Casework.Filing;
using FormArchive.Casework.Records;
using FormArchive.Domain;
using FormArchive.Ingest;
using FormArchive.Ingest.Imaging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormArchive.Api.CaseRecords;

/// <summary>
/// Reads the ID cards and 户口簿 pages scanned before a case exists (POST /api/case-intake/scans): the same
/// upload form, checks and OCR as a case's scans, but nothing is filed. The persons read prefill the new case;
/// the files are filed into it once the clerk has confirmed them and the case is opened.
/// </summary>
public static class ScanIntake
{
    public static async Task<Results<Ok<IntakeReading>, ProblemHttpResult>> ReadAsync(
        HttpContext http, ScanPipeline pipeline, ApiLimits limits, RequestAudit audit)
    {
        {
            var (scans, problem) = await ScanUpload.ReadAsync(http.Request, limits.MaxUploadBytes, http.RequestAborted);
            if (problem is not null) return problem;
            audit.Detail = $"{scans!.Count} file(s): {string.Join(", ", scans.Select(s => s.FileName))}";
            foreach (var s in scans)
                if (await ScanUpload.ScreenAsync(s, limits.Decode, http.RequestAborted) is { } reason)
                    return Refused(s.FileName, reason);
            return await GatedWork.RunAsync<Results<Ok<IntakeReading>, ProblemHttpResult>>(http, async () =>
            {
                var pages = new List<ScannedPage>();
                for (int i = 0; i < scans.Count; i++)
                {
                    var content = await scans[i].ReadAsync(http.RequestAborted);
                    var scan = await Task.Run(() => pipeline.Process(scans[i].FileName, content,
                        new IngestOptions { Hint = scans[i].Hint, Limits = new ScanLimits { MaxPixelsPerPage = limits.MaxPixels } }), http.RequestAborted);
                    if (scan.IsRejected) return Refused(scan.File, scan.Rejected!);
                    // Not filed: the file's place in the upload stands in for its document number (a back sent after its front is tied to it).
                    pages.AddRange(scan.Pages.Select(p => new ScannedPage(scan.File, new ScanDocuments(null, null, i + 1), "", p, p, [])));
                }
                var persons = ScannedPersons.From(pages);
                audit.Detail += $" → {persons.Count} person(s)";
                return TypedResults.Ok(new IntakeReading(persons, ScannedPersons.ExpiredCards(pages)));
            });
        }
    }

    private static ProblemHttpResult Refused(string file, string reason) =>
        Problems.Create(StatusCodes.Status422UnprocessableEntity, "扫描件被拒收", $"{file}：无法读取（{reason}）",
            new Dictionary<string, object?>
            {
                ["files"] = new[] { new { file = IdNumberMasking.MaskInText(file), reason = IdNumberMasking.MaskInText(reason) } },
            });
}

/// <summary>What POST /api/case-intake/scans read: the persons, and the ID cards found expired.</summary>
public sealed record IntakeReading(IReadOnlyList<ScannedPerson> Persons, IReadOnlyList<ExpiredCard> ExpiredCards);
