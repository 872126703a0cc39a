using System.Text.Json.Nodes;
using FormArchive.Archive.Cases;
using FormArchive.Casework.EconomicVerification;
using FormArchive.Casework.Filing;
using FormArchive.Ingest;
using FormArchive.Ingest.Recognition;
using static FormArchive.Tests.Api.CaseApi;

namespace FormArchive.Tests.Casework;

/// <summary>
/// Files what 报送审批 requires of a case whose household is the corpus card's holder: the corpus front read by the
/// real pipeline once, then filed under each material's type as a clerk's hint would file it (the pipeline takes a
/// hint as the page's type), the 核对机构's 家庭经济状况核对 result, and a paper for the township's opinion; returns that
/// paper's 件号.
/// </summary>
public static class SubmissionMaterials
{
    private static readonly DocumentType[] Materials =
    [
        DocumentType.IdCardBack, DocumentType.HukouHome, DocumentType.HukouMember, DocumentType.BankAccount,
        DocumentType.HardshipEvidence, DocumentType.ApplicationForm, DocumentType.EconomicCheckForm,
    ];

    public static async Task<int> FileAsync(CaseArchive archive, string caseId)
    {
        var m = await archive.GetManifestAsync(caseId);
        var members = await CaseHousehold.ReadAsync(archive, m, default);
        var content = CorpusScan();
        var front = new ScanPipeline().Process("front.jpg", content, new IngestOptions { Hint = DocumentType.IdCardFront, Members = members });
        Assert.False(front.IsRejected, front.Rejected);
        var scans = new List<ScanToFile> { new("front.jpg", "image/jpeg", content, front) };
        scans.AddRange(Materials.Select(t => new ScanToFile($"{PageClassifier.HintName(t)}.jpg", "image/jpeg", content,
            front with { Pages = [.. front.Pages.Select(p => p with { Type = t, IdNumbers = [] })] })));
        await ScanFiling.FileAsync(archive, m, scans, "王五");
        var result = new JsonObject
        {
            ["checkedOn"] = "2024-02-08", ["members"] = new JsonArray(new JsonObject { ["name"] = CorpusName, ["idNumber"] = CorpusIdNumber }),
        };
        await VerificationFiling.FileAsync(archive, await archive.GetManifestAsync(caseId),
            new VerificationToFile("核对中心", "report.pdf", PlainPdf(), result.ToJsonString()), "核对中心");
        var filed = await ScanFiling.FileAsync(archive, await archive.GetManifestAsync(caseId),
            [new ScanToFile("opinion.jpg", "image/jpeg", content, front with { Pages = [.. front.Pages.Select(p => p with { Type = DocumentType.Other, IdNumbers = [] })] })],
            "王五");
        return filed[0].Original.No;
    }
}
