using System.Text;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;
using FormArchive.Archive.Verify;
using UglyToad.PdfPig;

namespace FormArchive.Archive.Tests.Integrity;

/// <summary>
/// A damaged case is still read (as far as its log is sound), flagged damaged, refuses writes, and gets a full
/// 四性检测 report naming the failing checks — with no local store path in it.
/// </summary>
[Collection("archive")]
public sealed class DamagedCaseTests(ArchiveFixture fx)
{
    private async Task<string> SealedCaseWithEditedEvent3Async(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("dmg");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        await archive.AddDocumentAsync(id, Samples.PngUpload("户口簿"), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("审核确认表"), "clerk");
        await archive.SealAsync(id, "leader");
        var key = CaseKeys.Event(id, 3);
        var text = Encoding.UTF8.GetString((await archive.Store.GetAsync(StoreArea.Journal, key))!);
        await archive.Store.PutAsync(StoreArea.Journal, key, Encoding.UTF8.GetBytes(text.Replace("户口簿", "户口本")));
        return id;
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_case_with_an_edited_event_is_read_flagged_and_refuses_writes(string kind)
    {
        var id = await SealedCaseWithEditedEvent3Async(kind);
        var archive = fx.Archive(kind);
        var m = await archive.GetManifestAsync(id);
        Assert.Equal("event 4 does not continue the log", m.Damage);
        Assert.Equal(3, m.Seq);
        Assert.False(m.Sealed); // the fold stops before the break; the damage, not the missing seal, refuses writes
        var e = await Assert.ThrowsAsync<CaseDamagedException>(() => archive.AddDocumentAsync(id, Samples.PdfUpload("夹带"), "clerk"));
        Assert.Contains("event 4", e.Message);
        await Assert.ThrowsAsync<CaseDamagedException>(() => archive.SealAsync(id, "leader"));
        Assert.Equal(5, (await archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Events(id))).Count);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Verify_reports_a_damaged_case_in_json_and_pdf_naming_the_failing_checks(string kind)
    {
        var id = await SealedCaseWithEditedEvent3Async(kind);
        var report = await new CaseVerifier(fx.Archive(kind)).VerifyAsync(id, "auditor");
        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Item == "2.2" && f.Name == "事件日志连续且哈希链完整" && f.Detail.Contains("第 4 号事件"));
        var json = Encoding.UTF8.GetString(ArchiveJson.Bytes(report));
        var bytes = VerificationReportPdf.Build(report);
        Artifacts.Save($"verification-report-damaged-{kind}.pdf", bytes);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains("结论：未通过", text);
        if (kind == "local")
        {
            Assert.Equal("local", report.Store);
            Assert.DoesNotContain(fx.Local.Root, json);
            Assert.DoesNotContain(fx.Local.Root, text);
        }
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_case_whose_first_event_is_destroyed_still_gets_a_report(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("dmg1");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书"), "clerk");
        await archive.Store.PutAsync(StoreArea.Journal, CaseKeys.Event(id, 1), "{not json"u8.ToArray());

        await Assert.ThrowsAsync<ArchiveCorruptException>(() => fx.Archive(kind).GetManifestAsync(id));
        var report = await new CaseVerifier(fx.Archive(kind)).VerifyAsync(id, "auditor");
        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Item == "2.2" && f.Name == "事件日志连续且哈希链完整" && f.Detail.Contains("第 1 号事件"));
    }
}
