using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Dossier;
using FormArchive.Archive.Export;
using FormArchive.Archive.Fonds;
using FormArchive.Archive.Storage;
using FormArchive.Archive.Tests.Infrastructure;
using FormArchive.Archive.Verify;
using UglyToad.PdfPig;

namespace FormArchive.Archive.Tests.Fonds;

/// <summary>
/// A sealed case keeps the 全宗名称, 全宗号, 目录号, 案卷号, 保管期限 and 密级 it was sealed with: they are in the signed
/// manifest, so changing the fonds settings afterwards changes what open cases print, never what a sealed one does,
/// and editing them in the vault is caught by verify.
/// </summary>
[Collection("archive")]
public sealed class SealedReferenceTests(ArchiveFixture fx)
{
    /// <summary>The settings after an operator edited them: new name and codes for 秋浦街道, another default 保管期限 and 密级.</summary>
    private static FondsRegistry Changed() => new(
        new FondsUnit { RetentionPeriod = "10年", Classification = "秘密" },
        new Dictionary<string, FondsUnit> { ["秋浦街道"] = new() { FondsName = "池州市贵池区新设街道", FondsCode = "J999", CatalogNo = "ZZ9" } });

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private async Task<(string Sealed, string Open, SealResult Seal)> CasesAsync(string kind)
    {
        var archive = fx.Archive(kind, fonds: FondsRegistryTests.Configured());
        var sealedId = ArchiveFixture.NewCaseId("sref");
        // No 保管期限 recorded: the unit's (永久) is the one the seal must keep.
        await archive.OpenCaseAsync(Samples.Metadata(sealedId) with { FileNumber = "秋浦-2025-017", RetentionPeriod = "" }, "王五");
        await archive.AddDocumentAsync(sealedId, Samples.PdfUpload("低保申请书", 1), "王五");
        var seal = await archive.SealAsync(sealedId, "王五");
        var openId = ArchiveFixture.NewCaseId("oref");
        await archive.OpenCaseAsync(Samples.Metadata(openId) with { FileNumber = "秋浦-2025-018", RetentionPeriod = "" }, "王五");
        return (sealedId, openId, seal);
    }

    private static async Task<XElement> ExportedVolumeAsync(CaseArchive archive, string id)
    {
        using var ms = new MemoryStream();
        await ExportPackage.WriteAsync(archive, id, ms, "exporter");
        using var zip = new ZipArchive(new MemoryStream(ms.ToArray()));
        using var xml = zip.GetEntry(ExportPackage.ManifestXml)!.Open();
        return XDocument.Load(xml).Descendants("文件实体").First(e => (string?)e.Attribute("聚合层次") == "案卷");
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_sealed_case_prints_the_reference_it_was_sealed_with_after_the_settings_change(string kind)
    {
        var (sealedId, openId, seal) = await CasesAsync(kind);
        var signed = ArchiveJson.Read<SealedManifest>(seal.ManifestBytes, "sealed manifest").ArchivalReference;
        Assert.Equal(new ArchivalReference("池州市贵池区秋浦街道办事处", "J012", "MZ3", "秋浦-2025-017", "永久", "内部"), signed);

        // A new instance with the edited settings: as the service after a restart.
        var archive = fx.Archive(kind, fonds: Changed());
        var dossier = await DossierBuilder.BuildAsync(archive, sealedId, "printer");
        Artifacts.Save($"sealed-reference-{kind}.pdf", dossier);
        using (var doc = PdfDocument.Open(dossier))
        {
            var cover = Squeeze(doc.GetPage(1).Text);
            foreach (var field in new[] { "全宗号目录号案卷号J012MZ3秋浦-2025-017", "全宗名称：池州市贵池区秋浦街道办事处", "保管期限：永久", "密级：内部" })
                Assert.Contains(field, cover);
            foreach (var changed in new[] { "J999", "ZZ9", "新设街道", "10年", "秘密" })
                Assert.DoesNotContain(changed, cover);
        }

        var volume = await ExportedVolumeAsync(archive, sealedId);
        var code = volume.Element("档号")!;
        Assert.Equal(("J012-MZ3-秋浦-2025-017", "J012", "MZ3", "永久"),
            (code.Element("档号")!.Value, code.Element("全宗号")!.Value, code.Element("目录号")!.Value, code.Element("保管期限")!.Value));
        Assert.Equal("内部", volume.Element("内容描述")!.Element("密级")!.Value);
        Assert.Equal("池州市贵池区秋浦街道办事处", volume.Element("来源")!.Element("全宗名称")!.Value);

        var report = await new CaseVerifier(archive).VerifyAsync(sealedId, "auditor");
        Assert.True(report.Passed, string.Join("；", report.Failures.Select(f => f.Name + " " + f.Detail)));
        Assert.Equal("J012-MZ3-秋浦-2025-017", report.ArchivalCode);
        var reportPdf = VerificationReportPdf.Build(report);
        Artifacts.Save($"sealed-reference-report-{kind}.pdf", reportPdf);
        Assert.Contains("档号：J012-MZ3-秋浦-2025-017", PdfToText.All(reportPdf));

        // The case that is still open follows the settings as they are now.
        var open = await DossierBuilder.BuildAsync(archive, openId, "printer");
        Artifacts.Save($"open-reference-{kind}.pdf", open);
        using (var doc = PdfDocument.Open(open))
        {
            var cover = Squeeze(doc.GetPage(1).Text);
            foreach (var field in new[] { "全宗号目录号案卷号J999ZZ9秋浦-2025-018", "全宗名称：池州市贵池区新设街道", "保管期限：10年", "密级：秘密" })
                Assert.Contains(field, cover);
        }
    }

    [Fact]
    public async Task The_instance_that_sealed_prints_the_sealed_reference_without_reading_it_back()
    {
        var archive = fx.Archive("local", fonds: FondsRegistryTests.Configured());
        var id = ArchiveFixture.NewCaseId("sref");
        await archive.OpenCaseAsync(Samples.Metadata(id) with { FileNumber = "秋浦-2025-019" }, "王五");
        var seal = await archive.SealAsync(id, "王五");
        Assert.Equal("J012-MZ3-秋浦-2025-019", seal.Case.SealedReference?.ArchivalCode);
        Assert.Equal(seal.Case.SealedReference, (await archive.GetManifestAsync(id)).SealedReference);
    }

    [Theory, MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task An_edited_sealed_reference_fails_verify_and_is_not_believed(string kind)
    {
        var (sealedId, _, seal) = await CasesAsync(kind);
        var text = Encoding.UTF8.GetString(seal.ManifestBytes);
        Assert.Contains("\"fondsCode\": \"J012\"", text);
        var forged = text.Replace("\"fondsCode\": \"J012\"", "\"fondsCode\": \"J777\"").Replace("\"classification\": \"内部\"", "\"classification\": \"\"");
        await fx.TamperAsync(kind, CaseKeys.SealedManifest(sealedId, seal.Case.SealedManifestSha256!), Encoding.UTF8.GetBytes(forged));

        var archive = fx.Archive(kind, fonds: FondsRegistryTests.Configured());
        var report = await new CaseVerifier(archive).VerifyAsync(sealedId, "auditor");
        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Name == "电子签名" && f.Subject == "封存清单");
        Assert.Contains(report.Failures, f => f.Name == "封存清单哈希值" && f.Subject == "封存清单");
        Assert.Contains("未通过", VerificationSummary.Lines(report).Last());
        Assert.Equal("J012-MZ3-秋浦-2025-017", report.ArchivalCode);   // not the forged J777: an unsigned manifest is not believed

        var read = await archive.GetManifestAsync(sealedId);
        Assert.True(read.Damaged);
        Assert.Null(read.SealedReference);   // an unsigned reference is never taken as the sealed one
        using var doc = PdfDocument.Open(await DossierBuilder.BuildAsync(archive, sealedId, "printer"));
        Assert.DoesNotContain("J777", doc.GetPage(1).Text);
    }

    [Fact]
    public async Task A_case_sealed_before_seals_recorded_the_reference_still_verifies_and_follows_the_settings()
    {
        var (id, _, seal) = await CasesAsync("local");
        var store = fx.Local;
        // Make the seal an old one: the same manifest without archivalReference, signed with the same key,
        // the seal event and the journal's snapshot pointing at it, the new-style manifest gone.
        var old = JsonNode.Parse(seal.ManifestBytes)!.AsObject();
        Assert.True(old.Remove("archivalReference"));
        var oldBytes = Encoding.UTF8.GetBytes(old.ToJsonString());
        var oldSha = ContentDigest.Sha256Hex(oldBytes);
        await store.PutAsync(StoreArea.Vault, CaseKeys.SealedManifest(id, oldSha), oldBytes);
        await store.PutAsync(StoreArea.Vault, CaseKeys.SealedSignature(id, oldSha), Encoding.ASCII.GetBytes(Convert.ToBase64String(fx.Signer.Sign(oldBytes))));
        foreach (var key in new[] { CaseKeys.SealedManifest(id, seal.Case.SealedManifestSha256!), CaseKeys.SealedSignature(id, seal.Case.SealedManifestSha256!) })
            File.Delete(store.PathOf(StoreArea.Vault, key));
        var evKey = CaseKeys.Event(id, seal.Case.Seq);
        var ev = JsonNode.Parse((await store.GetAsync(StoreArea.Journal, evKey))!)!;
        ev["sealedManifest"] = oldSha;
        var evBytes = Encoding.UTF8.GetBytes(ev.ToJsonString());
        await store.PutAsync(StoreArea.Journal, evKey, evBytes);
        var snap = JsonNode.Parse((await store.GetAsync(StoreArea.Journal, CaseKeys.CurrentManifest(id)))!)!;
        snap["head"] = ContentDigest.Sha256Hex(evBytes);
        snap["sealedManifestSha256"] = oldSha;
        await store.PutAsync(StoreArea.Journal, CaseKeys.CurrentManifest(id), Encoding.UTF8.GetBytes(snap.ToJsonString()));

        var archive = fx.Archive("local", fonds: Changed());
        var read = await archive.GetManifestAsync(id);
        Assert.Null(read.Damage);
        Assert.Null(read.SealedReference);
        var report = await new CaseVerifier(archive).VerifyAsync(id, "auditor");
        Assert.True(report.Passed, string.Join("；", report.Failures.Select(f => f.Name + " " + f.Detail)));
        // Nothing was sealed to keep: the 档号 is made from today's settings, as before seals recorded it.
        Assert.Equal("J999-ZZ9-秋浦-2025-017", report.ArchivalCode);
        using var doc = PdfDocument.Open(await DossierBuilder.BuildAsync(archive, id, "printer"));
        Assert.Contains("全宗号目录号案卷号J999ZZ9秋浦-2025-017", Squeeze(doc.GetPage(1).Text));
    }
}
