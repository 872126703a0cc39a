using FormArchive.Casework.Checklist;
using FormArchive.Domain;
using FormArchive.Ingest.Imaging;
using FormArchive.Ingest.Ocr;
using FormArchive.Ingest.Recognition;

namespace FormArchive.Ingest.Tests;

public sealed class CaseChecklistTests
{
    private static readonly string Adult = ChineseIdNumber.WithCheckChar("34170219800503123");
    private static readonly string Child = ChineseIdNumber.WithCheckChar("34170220200503124");

    private static PageResult Page(DocumentType type, string? validId = null, string? member = null) => new()
    {
        Page = 1, Type = type, ClassifiedAs = type, Orientation = 0, DeskewDegrees = 0, CropBox = default, Width = 1, Height = 1,
        OcrText = "", OcrConfidence = 90, BankCardNumbers = [], Warnings = [],
        IdNumbers = validId is null ? [] : [new IdCandidateResult(validId, true, 1, 2, false, default, member, null)],
    };

    [Fact]
    public void MissingMaterialsAreListedAndFeedTheSupplementNotice()
    {
        var members = new[] { new HouseholdMember("测试甲", Adult, RequiresIdScan: false), new HouseholdMember("测试乙", Child, RequiresIdScan: false) };
        var pages = new[] { Page(DocumentType.IdCardFront, Adult, "测试甲"), Page(DocumentType.HukouHome), Page(DocumentType.HardshipEvidence) };
        var items = CaseChecklist.Evaluate(members, pages, new DateOnly(2025, 3, 1));

        Assert.DoesNotContain(items, i => i.Member == "测试乙"); // a child not to be covered needs no ID scans
        Assert.True(items.Single(i => i.Code == "id-front").Present);
        Assert.False(items.Single(i => i.Code == "id-back").Present);
        var missing = items.Where(i => !i.Present).Select(i => i.Code).ToList();
        Assert.Equal(["id-back", "hukou-member", "bank", "application", "economic-check"], missing);

        var data = CaseChecklist.SupplementNoticeData("测试甲", items, "某某镇人民政府", new DateOnly(2025, 3, 1));
        var list = (List<string>)((Dictionary<string, object?>)data["supplement"]!)["missing"]!;
        Assert.Equal(5, list.Count);
        Assert.Contains("户口簿增减页（常住人口登记卡）", list);
    }
}
