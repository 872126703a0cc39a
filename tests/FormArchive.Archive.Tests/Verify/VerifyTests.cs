using System.Text;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;
using FormArchive.Archive.Verify;
using UglyToad.PdfPig;

namespace FormArchive.Archive.Tests.Verify;

/// <summary>四性检测 on a sound case, and each kind of tampering caught, on both stores.</summary>
[Collection("archive")]
public sealed class VerifyTests(ArchiveFixture fx)
{
    private async Task<(CaseArchive Archive, string Id, SealResult Seal)> SealedCaseAsync(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("ver");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("申请书", 2), "clerk");
        await archive.AddDocumentAsync(id, Samples.PngUpload("户口簿扫描件"), "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("审核确认表"), "clerk");
        return (archive, id, await archive.SealAsync(id, "clerk"));
    }

    private static async Task<VerificationReport> VerifyAsync(CaseArchive archive, string id) =>
        await new CaseVerifier(archive).VerifyAsync(id, "auditor");

    /// <summary>A failure of exactly this DA/T 70 item and check, on this 检测对象.</summary>
    private static void AssertCaught(VerificationReport report, CheckCategory category, string item, string name, string subject)
    {
        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Category == category && f.Item == item && f.Name == name && f.Subject == subject);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_sound_sealed_case_passes_all_four_properties(string kind)
    {
        var (archive, id, _) = await SealedCaseAsync(kind);
        var report = await VerifyAsync(fx.Archive(kind), id);
        Assert.True(report.Passed, string.Join("\n", report.Failures));
        Assert.Equal(Enum.GetValues<CheckCategory>(), report.Checks.Select(c => c.Category).Distinct().Order());
        Assert.Contains(report.Checks, c => c.Detail == "PNG 图像 2×3");

        var pdf = VerificationReportPdf.Build(report);
        using var doc = PdfDocument.Open(pdf);
        var text = string.Concat(doc.GetPages().Select(p => p.Text));
        Assert.Contains("电子档案四性检测报告", text);
        Assert.Contains("结论：通过", text);
        Assert.Contains(await archive.ReadAccessLogAsync(id), a => a.Action == "verify");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_flipped_byte_is_caught(string kind)
    {
        var (archive, id, seal) = await SealedCaseAsync(kind);
        var key = seal.Case.Documents[0].Key;
        var bytes = (await archive.Store.GetAsync(StoreArea.Vault, key))!;
        bytes[bytes.Length / 2] ^= 0x01;
        await Tamper(kind, key, bytes);
        AssertCaught(await VerifyAsync(fx.Archive(kind), id), CheckCategory.Authenticity, "1.3", "内容哈希值 SHA-256/SM3", "第 1 件");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_deleted_object_is_caught(string kind)
    {
        var (archive, id, seal) = await SealedCaseAsync(kind);
        var key = seal.Case.Documents[1].Key;
        if (kind == "local") File.Delete(fx.Local.PathOf(StoreArea.Vault, key));
        else await archive.Store.DeleteAsync(StoreArea.Vault, key); // a delete marker; the locked version survives
        AssertCaught(await VerifyAsync(fx.Archive(kind), id), CheckCategory.Integrity, "2.3", "文件内容齐全", "第 2 件");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_added_object_is_caught(string kind)
    {
        var (archive, id, _) = await SealedCaseAsync(kind);
        var extra = Samples.Pdf("夹带的文件");
        await archive.Store.PutAsync(StoreArea.Vault, CaseKeys.Object(id, ContentDigest.Sha256Hex(extra)), extra);
        AssertCaught(await VerifyAsync(fx.Archive(kind), id), CheckCategory.Integrity, "2.1", "无清单外对象", "存储库");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_edited_sealed_manifest_is_caught(string kind)
    {
        var (archive, id, seal) = await SealedCaseAsync(kind);
        var key = CaseKeys.SealedManifest(id, seal.Case.SealedManifestSha256!);
        var text = Encoding.UTF8.GetString(seal.ManifestBytes).Replace("审核确认表", "审核确认表（已改）");
        await Tamper(kind, key, Encoding.UTF8.GetBytes(text));
        var report = await VerifyAsync(fx.Archive(kind), id);
        AssertCaught(report, CheckCategory.Authenticity, "1.1", "电子签名", "封存清单");
        AssertCaught(report, CheckCategory.Authenticity, "1.1", "封存清单哈希值", "封存清单");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_edited_current_manifest_or_event_is_caught(string kind)
    {
        var (archive, id, _) = await SealedCaseAsync(kind);
        var snapKey = CaseKeys.CurrentManifest(id);
        var snap = Encoding.UTF8.GetString((await archive.Store.GetAsync(StoreArea.Journal, snapKey))!);
        await archive.Store.PutAsync(StoreArea.Journal, snapKey, Encoding.UTF8.GetBytes(snap.Replace("申请书", "申请书2")));
        AssertCaught(await VerifyAsync(fx.Archive(kind), id), CheckCategory.Integrity, "2.2", "当前清单与事件日志一致", "当前清单");

        var evKey = CaseKeys.Event(id, 2);
        var ev = Encoding.UTF8.GetString((await archive.Store.GetAsync(StoreArea.Journal, evKey))!);
        await archive.Store.PutAsync(StoreArea.Journal, evKey, Encoding.UTF8.GetBytes(ev.Replace("clerk", "clerX")));
        AssertCaught(await VerifyAsync(fx.Archive(kind), id), CheckCategory.Integrity, "2.2", "事件日志连续且哈希链完整", "事件日志");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task Active_content_unusable_files_and_a_missing_access_log_are_caught(string kind)
    {
        var archive = fx.Archive(kind);
        var id = ArchiveFixture.NewCaseId("bad");
        await archive.OpenCaseAsync(Samples.Metadata(id), "clerk");
        var js = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Samples.Pdf("含脚本"))
            .Replace("/Type /Catalog", "/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"));
        await archive.AddDocumentAsync(id, Samples.PdfUpload("含脚本") with { Content = js }, "clerk");
        await archive.AddDocumentAsync(id, Samples.PngUpload("截断的扫描件") with { Content = Samples.Png()[..30] }, "clerk");
        await archive.AddDocumentAsync(id, Samples.PdfUpload("坏PDF") with { Content = "%PDF-1.7\nnot really"u8.ToArray() }, "clerk");
        await archive.SealAsync(id, "clerk");
        foreach (var item in await archive.Store.ListAsync(StoreArea.Journal, CaseKeys.Access(id)))
            await archive.Store.DeleteAsync(StoreArea.Journal, item.Key);

        var report = await VerifyAsync(fx.Archive(kind), id);
        AssertCaught(report, CheckCategory.Security, "4.1", "无活动内容", "第 1 件");
        AssertCaught(report, CheckCategory.Usability, "3.2", "文件可正常打开", "第 2 件");
        AssertCaught(report, CheckCategory.Usability, "3.2", "文件可正常打开", "第 3 件");
        AssertCaught(report, CheckCategory.Security, "4.3", "访问日志齐全", "访问日志");
    }

    /// <summary>Words a Chinese report may carry in Latin letters: formats, algorithms, PDF keys, the standard's code.</summary>
    private static readonly HashSet<string> Identifiers = ["SHA-256", "SM3", "PDF", "PNG", "JPEG", "JSON", "JavaScript", "Ed25519", "DA", "T", "S3", "qpdf"];

    [Fact]
    public async Task The_report_pdf_is_in_Chinese_numbered_after_DA_T_70_and_names_a_damaged_case_s_failures()
    {
        var (archive, id, seal) = await SealedCaseAsync("local");
        var key = seal.Case.Documents[0].Key;
        var bytes = (await archive.Store.GetAsync(StoreArea.Vault, key))!;
        bytes[bytes.Length / 2] ^= 0x01;
        await Tamper("local", key, bytes);
        var report = await VerifyAsync(fx.Archive("local"), id);
        Assert.All(report.Checks, c => Assert.Matches(@"^[1-4]\.[1-9]$", c.Item));
        Assert.All(report.Checks, c => Assert.Equal(c.Item[0] - '1', (int)c.Category));

        using var doc = PdfDocument.Open(VerificationReportPdf.Build(report));
        var text = string.Concat(doc.GetPages().Select(p => p.Text));
        var flat = Squeeze(text);
        foreach (var c in report.Checks)
            Assert.Contains(Squeeze($"{c.Item} {c.ItemName}：{c.Name}"), flat);
        Assert.Contains(Squeeze("1.3 电子档案内容真实性检测：内容哈希值 SHA-256/SM3第 1 件未通过申请书：内容与登记的哈希值不符"), flat);
        var words = System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z][A-Za-z0-9-]*").Select(m => m.Value)
            .Where(w => !Identifiers.Contains(w) && !id.Contains(w, StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(w, "^[0-9a-f]{8,}$"))
            .ToList();
        Assert.True(words.Count == 0, "English in the report: " + string.Join(" ", words));
        Assert.DoesNotContain(fx.Local.Root, text);
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void Image_probe_reads_jpeg_frame_size_and_rejects_truncation()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 7, 0, 5, 1, 1, 0x11, 0, 0xFF, 0xD9];
        Assert.Equal((5, 7), ImageProbe.Jpeg(jpeg));
        Assert.Null(ImageProbe.Jpeg(jpeg[..^2]));
        Assert.Equal((2, 3), ImageProbe.Png(Samples.Png()));
    }

    private Task Tamper(string kind, string key, byte[] bytes) => fx.TamperAsync(kind, key, bytes);
}
