using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Dossier;
using FormArchive.Archive.Tests.Fonds;
using FormArchive.Archive.Tests.Infrastructure;
using FormArchive.Archive.Verify;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace FormArchive.Archive.Tests.Dossier;

/// <summary>
/// Label snapshots of the archive's own pages — 案卷封面, 卷内目录, 卷内备考表 and the 四性检测报告 — as pdftotext
/// reads them, with what changes from run to run (case ids, dates, times, hashes) replaced by placeholders, committed
/// as Snapshots/*.txt. A label renamed, dropped, added or moved to another line shows as a diff. Run with
/// UPDATE_SNAPSHOTS=1 to rewrite them after an intended change.
/// </summary>
[Collection("archive")]
public sealed partial class FrontMatterSnapshotTests(ArchiveFixture fx)
{
    private static string SnapshotFolder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots");

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") is "1" or "true";

    [GeneratedRegex(@"\d[\d,]* 字节")] private static partial Regex ByteCount();
    [GeneratedRegex(@"[ \t\u3000]+")] private static partial Regex Spaces();

    /// <summary>
    /// pdftotext lines, trimmed and space-squeezed, without blank lines. Ids, dates and the key are fixed by the
    /// fixture; file sizes (which follow the PDF writer, not these pages) print as {n} 字节.
    /// </summary>
    private static string Labels(string text)
    {
        text = ByteCount().Replace(text, "{n} 字节");
        return string.Join("\n", text.Split('\n').Select(l => Spaces().Replace(l.Trim(), " ")).Where(l => l.Length > 0 && l != "\f")) + "\n";
    }

    private static void Matches(string name, string actual)
    {
        var path = Path.Combine(SnapshotFolder(), name);
        if (Updating)
        {
            Directory.CreateDirectory(SnapshotFolder());
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no snapshot {name}: run with UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>A clock that stands still: seal dates and times print the same on every run.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    private const string Id = "20261127-0a1b2c3d4e5f";

    /// <summary>
    /// A sealed case with a scan and its sealed 补充卷 V2, on configured fonds settings, in a store of its own with a
    /// fixed id, clock and (test-only) signing key, so that wrapping and key ids print alike on every run.
    /// </summary>
    private async Task<(CaseArchive Archive, string Id, string V2)> SealedCaseWithSupplementAsync()
    {
        var root = Path.Combine(fx.DataRoot, "snapshot-" + Guid.NewGuid().ToString("N")[..8]);
        var seed = System.Security.Cryptography.SHA256.HashData("formarchive snapshot test key, never used to seal a real case"u8);
        var key = new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(seed);
        var keyPath = Path.Combine(root, "seal-ed25519.pem");
        Directory.CreateDirectory(root);
        using (var w = new StreamWriter(keyPath))
            new Org.BouncyCastle.OpenSsl.PemWriter(w).WriteObject(new Org.BouncyCastle.Utilities.IO.Pem.PemObject("PRIVATE KEY",
                Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetEncoded()));
        var archive = new CaseArchive(new FormArchive.Archive.Storage.LocalArchiveStore(Path.Combine(root, "store")), FormArchive.Archive.Seal.SealSigner.Load(keyPath),
            clock: new FixedClock(new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.FromHours(8))))
        { Fonds = FondsRegistryTests.Configured() };
        await archive.OpenCaseAsync(Samples.Metadata(Id) with { FileNumber = "秋浦-2025-017" }, "王五");
        await archive.AddDocumentAsync(Id, Samples.PdfUpload("低保申请书", 2), "王五");
        await archive.AddDocumentAsync(Id, Samples.PngUpload("身份证扫描件"), "王五");
        await archive.AddDocumentAsync(Id, Samples.PdfUpload("入户调查表", 3) with { DocNumber = "（2025年第 3 号）" }, "王五");
        await archive.SealAsync(Id, "王五 (clerk, key 5d878bb4)");
        var v2 = await archive.OpenSupplementAsync(Id, "李四");
        await archive.AddDocumentAsync(v2.CaseId, Samples.PdfUpload("收入证明（补充）"), "李四");
        await archive.SealAsync(v2.CaseId, "李四 (clerk, key 0a1b2c3d)");
        return (archive, Id, v2.CaseId);
    }

    [Fact]
    public async Task Cover_directory_and_record_note_labels_match_their_snapshots()
    {
        var (archive, id, v2) = await SealedCaseWithSupplementAsync();
        var pdf = await DossierBuilder.BuildAsync(archive, id, "printer");
        var v2Pdf = await DossierBuilder.BuildAsync(archive, v2, "printer");
        Artifacts.Save("dossier-v1.pdf", pdf);
        Artifacts.Save("dossier-v2.pdf", v2Pdf);
        using var doc = PdfDocument.Open(pdf);
        Matches("cover.txt", Labels(PdfToText.Page(pdf, 1)));
        Matches("directory.txt", Labels(PdfToText.Page(pdf, 2)));
        Matches("record-note.txt", Labels(PdfToText.Page(pdf, doc.NumberOfPages)));
        Matches("cover-supplement.txt", Labels(PdfToText.Page(v2Pdf, 1)));
        Matches("record-note-supplement.txt", Labels(PdfToText.Page(v2Pdf, 3 + 1)));
    }

    [Fact]
    public async Task Verification_report_labels_match_their_snapshot_and_carry_no_English()
    {
        var (archive, id, _) = await SealedCaseWithSupplementAsync();
        var report = await new CaseVerifier(archive).VerifyAsync(id, "auditor");
        var pdf = VerificationReportPdf.Build(report);
        Artifacts.Save("verification-report.pdf", pdf);
        var text = PdfToText.All(pdf);
        Matches("verification-report.txt", Labels(text));

        // No ASCII words but identifiers: the case id, hashes, formats, algorithms and the standard's code.
        string[] identifiers = ["SHA-256", "SM3", "PDF", "PNG", "JPEG", "JSON", "JavaScript", "Ed25519", "DA", "T", "J012-MZ3-"];
        var words = Regex.Matches(text.Replace(id, " "), "[A-Za-z][A-Za-z0-9-]*").Select(m => m.Value)
            .Where(w => !identifiers.Contains(w) && !Regex.IsMatch(w, "^[0-9a-f]{8,}$")).ToList();
        Assert.True(words.Count == 0, "English in the report: " + string.Join(" ", words));
        Assert.DoesNotContain(fx.Local.Root, text);
        Assert.Contains("档号：J012-MZ3-秋浦-2025-017", text);
        // What `formarchive verify` prints for it, in Chinese like the report.
        Assert.Equal([$"{Id}（档号 J012-MZ3-秋浦-2025-017）：四性检测通过（检测 {report.Checks.Count} 项，未通过 0 项，文件 3 件）"], VerificationSummary.Lines(report));
    }

    [Fact]
    public async Task A_sealed_case_with_a_supplement_reads_cover_directory_documents_record_note_with_bookmarks()
    {
        var (archive, id, v2) = await SealedCaseWithSupplementAsync();
        foreach (var (caseId, docs) in new[] { (id, new[] { ("1. 低保申请书", 2), ("3. 入户调查表", 3) }), (v2, new[] { ("1. 收入证明（补充）", 1) }) })
        {
            var pdf = await DossierBuilder.BuildAsync(archive, caseId, "printer");
            using var doc = PdfDocument.Open(pdf);
            Assert.True(doc.TryGetBookmarks(out var bookmarks));
            var marks = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().Select(n => (n.Title, n.PageNumber)).ToList();
            var expected = new List<(string, int)> { ("案卷封面", 1), ("卷内目录", 2) };
            int next = 3;
            foreach (var (title, pages) in docs) { expected.Add((title, next)); next += pages; }
            expected.Add(("卷内备考表", next));
            Assert.Equal(expected, marks);
            Assert.Equal(next, doc.NumberOfPages);
            // Each bookmark lands on the page that says so.
            Assert.Contains("案卷封面", PdfToText.Page(pdf, 1));
            Assert.Contains("卷内目录", PdfToText.Page(pdf, 2));
            foreach (var (title, page) in marks.Skip(2).SkipLast(1)) Assert.Contains(title[(title.IndexOf(' ') + 1)..] + " 第1页", PdfToText.Page(pdf, page));
            Assert.Contains("卷内备考表", PdfToText.Page(pdf, next));
        }
    }

    /// <summary>Steps as Casework's timeline hands them over: 受理, a home visit with two staff, 公示, a refusal with its reason.</summary>
    private static readonly CaseProcessStep[] Steps =
    [
        new(new DateOnly(2025, 3, 1), new TimeOnly(9, 5), "受理", "王五", ""),
        new(new DateOnly(2025, 3, 4), new TimeOnly(14, 30), "入户调查", "王五、赵六", "入户调查由 2 名工作人员完成"),
        new(new DateOnly(2025, 3, 7), new TimeOnly(10, 0), "审核公示", "王五", "公示 7 天，2025年3月7日至2025年3月13日；无异议"),
        new(new DateOnly(2025, 3, 20), new TimeOnly(16, 45), "审核确认", "李四", "不予确认；理由：家庭人均收入高于当地低保标准，经复核申请人提供的收入证明与银行流水不一致，需补充材料后重新申请"),
    ];

    [Fact]
    public async Task Recorded_steps_print_as_a_case_process_page_after_the_documents_and_before_the_record_note()
    {
        var (archive, id, _) = await SealedCaseWithSupplementAsync();
        var pdf = await DossierBuilder.BuildAsync(archive, id, "printer", Steps);
        Artifacts.Save("dossier-with-steps.pdf", pdf);
        using var doc = PdfDocument.Open(pdf);
        Assert.True(doc.TryGetBookmarks(out var bookmarks));
        var marks = bookmarks.GetNodes().OfType<DocumentBookmarkNode>().Select(n => (n.Title, n.PageNumber)).ToList();
        // 封面 1, 目录 2, documents 3–7 (2 + 3 pages), 办理过程 8, 备考表 9.
        Assert.Equal([("案卷封面", 1), ("卷内目录", 2), ("1. 低保申请书", 3), ("3. 入户调查表", 5), ("案卷办理过程", 8), ("卷内备考表", 9)], marks);
        Assert.Equal(9, doc.NumberOfPages);
        Matches("case-process.txt", Labels(PdfToText.Page(pdf, 8)));
        // The 备考表 accounts for the page, which is not one of the volume's numbered pages.
        Assert.Contains("附案卷办理过程1页", Spaces().Replace(PdfToText.Page(pdf, 9), "").Replace("\n", ""));

        // Without steps (a case filed before stages were recorded) there is no such page.
        using var without = PdfDocument.Open(await DossierBuilder.BuildAsync(archive, id, "printer", []));
        Assert.Equal(8, without.NumberOfPages);
    }
}
