using System.Text.Json.Nodes;
using FormArchive.Archive;
using FormArchive.Archive.Access;
using FormArchive.Casework;
using FormArchive.Casework.Opening;
using FormArchive.Casework.Stages;
using FormArchive.Templates.Printing;
using FormArchive.Tests.Api;
using FormArchive.Tests.Casework;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using static FormArchive.Tests.Api.CaseApi;
using static FormArchive.Tests.Approval.ApprovalSigners;

namespace FormArchive.Tests.Approval;

/// <summary>
/// The decision prints (issue 22): the 入户调查表's opinion boxes carry who signed and when, and the notices the unit
/// that decided, all from the signed case log, printed at the steps into the case (real printer, disk archive) and
/// read back from the PDF.
/// </summary>
public sealed class DecisionPrintTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const string Survey = "chizhou.home-visit-survey";

    private ArchiveHost Host => server.App.Services.GetRequiredService<ArchiveHost>();
    private CaseProcedure Procedure => server.App.Services.GetRequiredService<CaseProcedure>();
    private FormPrinter Printer => server.App.Services.GetRequiredService<FormPrinter>();

    /// <summary>A case of <paramref name="category"/> in 秋浦街道 (贵池区: 低保 delegated, 刚性支出困难家庭 the county's).</summary>
    private async Task<string> OpenAsync(string category, JsonObject? townOpinion = null)
    {
        var id = (await CaseOpening.OpenAsync(Host.Archive, new CaseApplication
        {
            Applicant = new CaseApplicant(CorpusName, CorpusIdNumber), Categories = [category], Members = [new CaseMember(CorpusName, CorpusIdNumber)],
        }, Township, "王五")).CaseId;
        await SaveRecordAsync(id, category, townOpinion ?? new JsonObject());
        return id;
    }

    /// <summary>Case data with the opinion boxes and both notices' sections, signers, units, dates and month left to the log.</summary>
    private async Task SaveRecordAsync(string id, string category, JsonObject townOpinion)
    {
        townOpinion["categories"] = new JsonArray(category);
        townOpinion["covered_persons"] = 1;
        var data = new JsonObject
        {
            ["applicant"] = new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber },
            ["categories"] = new JsonArray(category),
            ["township"] = Township,
            ["village"] = "杏花村",
            ["members"] = new JsonArray(new JsonObject { ["name"] = CorpusName, ["id_number"] = CorpusIdNumber, ["relationship"] = "本人" }),
            ["town_opinion"] = townOpinion,
            ["county_opinion"] = new JsonObject(),
            ["approval"] = new JsonObject { ["categories"] = new JsonArray(category) },
            ["rejection"] = new JsonObject { ["categories"] = new JsonArray(category) },
        };
        var saved = await server.ClientFor(Role.Clerk, Township).PutAsync($"/api/cases/{id}/record", Json(data.ToJsonString()));
        Assert.True(saved.StatusCode == System.Net.HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
    }

    private async Task RecordAsync(string id, IEnumerable<CaseEvent> events)
    {
        foreach (var e in events)
        {
            // The 初审意见 names its paper, filed with the materials the submission needs (the county decides from the file alone).
            var step = e.Kind == CaseEventKind.PreliminaryOpinion ? e with { Documents = [await SubmissionMaterials.FileAsync(Host.Archive, id)] } : e;
            await Procedure.RecordAsync(id, step, "王五");
        }
    }

    /// <summary>Records <paramref name="e"/> printing <paramref name="formId"/>, and returns the filed PDF.</summary>
    private async Task<byte[]> PrintAtAsync(string id, CaseEvent e, string formId)
    {
        var done = await Procedure.RecordWithFormAsync(id, e, Printer.Catalog.Get(formId), Printer, "王五");
        var (_, pdf) = await Host.Archive.GetDocumentAsync(id, done.Form.No, "王五");
        return pdf;
    }

    [Fact]
    public async Task A_delegated_confirmation_prints_the_townships_signers_and_leaves_the_county_box_blank()
    {
        var id = await OpenAsync("低保");
        var steps = ConfirmedByTownship();
        await RecordAsync(id, steps.Take(3));

        // At the opinion only its 经办人员 has signed: the 负责人 lines stay for the countersign.
        var atOpinion = Boxes(await PrintAtAsync(id, steps[3], Survey));
        Assert.Equal("经办人员 签名 王五 负责人签名 民政办 负责人 签名", atOpinion.TownSignatures);
        Assert.Contains("2024年3月6日", atOpinion.Town);

        await RecordAsync(id, steps.Skip(4).Take(2));
        var atConfirmation = Boxes(await PrintAtAsync(id, steps[6], Survey));
        Assert.Equal("经办人员 签名 王五 负责人签名 民政办 周八 负责人 签名", atConfirmation.TownSignatures);
        Assert.Contains("2024年3月6日", atConfirmation.Town);
        // The county decided nothing: its box is the blank form's.
        Assert.Equal("经办人员 签名 负责人 签名", atConfirmation.CountySignatures);
        Assert.Contains("从月起执行", atConfirmation.County);
        Assert.Contains("年月日", atConfirmation.County);
        Assert.DoesNotContain("2024", atConfirmation.County);

        await RecordAsync(id, steps.Skip(7));
        var notice = await PrintAtAsync(id, S(CaseEventKind.Notified, "2024-03-18", Wang, CaseOutcome.Approved), "chizhou.approval-notice");
        Assert.Equal("秋浦街道", SealedBy(notice));
    }

    [Fact]
    public async Task A_county_confirmation_prints_the_countys_signers_date_and_first_month()
    {
        var id = await OpenAsync("刚性支出困难家庭");
        var steps = ConfirmedByCounty();
        await RecordAsync(id, steps.Take(7));

        // Printed at the county's 审核确认: its 经办人员, date and month; its 负责人 not yet.
        var atConfirmation = Boxes(await PrintAtAsync(id, steps[7], Survey));
        Assert.Equal("经办人员 签名 王五 负责人签名 民政办 周八 负责人 签名", atConfirmation.TownSignatures);
        Assert.Equal("经办人员 签名 孙七 负责人 签名", atConfirmation.CountySignatures);
        Assert.Contains($"同意你乡镇（街道）对{CorpusName}家庭审核意见，从2024年4月起执行", atConfirmation.County);
        Assert.Contains("2024年3月18日", atConfirmation.County);

        // Printed at the county 负责人's countersign: both names.
        var countersigned = Boxes(await PrintAtAsync(id, steps[8], Survey));
        Assert.Equal("经办人员 签名 孙七 负责人 签名 钱十", countersigned.CountySignatures);

        var notice = await PrintAtAsync(id, S(CaseEventKind.Notified, "2024-03-20", Wang, CaseOutcome.Approved), "chizhou.approval-notice");
        Assert.Equal("池州市贵池区民政局", SealedBy(notice));
    }

    [Fact]
    public async Task A_name_the_log_contradicts_is_refused_and_nothing_is_filed_or_recorded()
    {
        var id = await OpenAsync("低保", new JsonObject { ["handler"] = "张三" });
        var steps = SignedThroughPublicity();
        await RecordAsync(id, steps.Take(3));
        var before = await Host.Archive.GetManifestAsync(id);

        var refused = await Assert.ThrowsAsync<CaseworkException>(() => PrintAtAsync(id, steps[3], Survey));
        Assert.Contains("表格数据 town_opinion.handler 为 张三，与办理记录中“初审意见”的签名人 王五 不一致", refused.Message);
        var after = await Host.Archive.GetManifestAsync(id);
        Assert.Equal((before.Documents.Count, before.Stages.Count), (after.Documents.Count, after.Stages.Count));
    }

    [Fact]
    public async Task A_rejection_at_the_preliminary_opinion_is_served_in_the_townships_name()
    {
        var id = await OpenAsync("低保");
        await RecordAsync(id, [.. SignedThroughPublicity().Take(3), S(CaseEventKind.PreliminaryOpinion, "2024-03-06", Wang, CaseOutcome.Rejected),
            S(CaseEventKind.Countersigned, "2024-03-07", TownHead)]);
        var notice = await PrintAtAsync(id, S(CaseEventKind.Notified, "2024-03-08", Wang, CaseOutcome.Rejected), "chizhou.rejection-notice");
        Assert.Equal("秋浦街道", SealedBy(notice));
    }

    /// <summary>The two opinion boxes of a printed 入户调查表: each box's text, and its signature row's words from left to right.</summary>
    private sealed record OpinionBoxes(string Town, string TownSignatures, string County, string CountySignatures);

    private static OpinionBoxes Boxes(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPages().Single(p => p.GetWords().Any(w => w.Text == "县（区）民政局意见"));
        var words = page.GetWords().ToList();
        var town = words.Single(w => w.Text == "乡镇人民政府（街道办事处）意见").BoundingBox;
        var county = words.Single(w => w.Text == "县（区）民政局意见").BoundingBox;
        // The letters in the order drawn, a blank's content in its sentence; spaces (the blanks' 　 too) dropped.
        string Text(double top, double bottom) => string.Concat(page.Letters.Where(l => l.StartBaseLine.Y < top && l.StartBaseLine.Y > bottom)
            .SelectMany(l => l.Value).Where(c => !char.IsWhiteSpace(c)));
        return new(Text(town.Bottom, county.Top), SignatureRow(words, town.Bottom), Text(county.Bottom, 0), SignatureRow(words, county.Bottom));
    }

    /// <summary>
    /// The words of the first row below <paramref name="top"/> that begins 经办人员/签名, left to right: labels centred on two
    /// lines, a name centred between them.
    /// </summary>
    private static string SignatureRow(List<Word> words, double top)
    {
        var label = words.Where(w => w.Text == "经办人员" && w.BoundingBox.Top < top).MaxBy(w => w.BoundingBox.Top)!.BoundingBox;
        var second = words.Where(w => w.Text == "签名" && w.BoundingBox.Top < label.Bottom).MaxBy(w => w.BoundingBox.Top)!.BoundingBox;
        var row = words.Where(w => w.BoundingBox.Centroid.Y <= label.Top && w.BoundingBox.Centroid.Y >= second.Bottom);
        return string.Join(" ", row.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
    }

    /// <summary>The unit a notice prints on the line under its seal label.</summary>
    private static string SealedBy(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).ToList();
        var label = words.Single(w => w.Text == "审核确认单位（盖章）").BoundingBox;
        return words.Where(w => w.BoundingBox.Top < label.Bottom).MaxBy(w => w.BoundingBox.Top)!.Text;
    }
}
