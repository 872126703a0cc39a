using System.Text;
using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;
using FormArchive.Domain;

namespace FormArchive.Archive.Verify;

/// <summary>
/// 四性检测 after DA/T 70-2018 on one case, reading the store directly (not through the archive's cache) so
/// that whatever is on disk or in the bucket now is what gets judged. Every problem becomes a failed check;
/// nothing throws for damaged data. <paramref name="extraChecks"/> add the rows of rules the archive does not know (the
/// procedure's sign-offs), run on the same log.
/// </summary>
public sealed class CaseVerifier(CaseArchive archive, SealSigner? trustedKey = null, IEnumerable<IVerificationCheck>? extraChecks = null)
{
    private readonly IReadOnlyList<IVerificationCheck> _checks = [.. extraChecks ?? []];
    private readonly IArchiveStore _store = archive.Store;
    private readonly SealSigner _trusted = trustedKey ?? archive.Signer;

    public async Task<VerificationReport> VerifyAsync(string caseId, string actor, CancellationToken ct = default)
    {
        CaseKeys.CheckId(caseId);
        var checks = new List<CheckResult>();
        void Add(Dat70Item item, string name, string subject, bool ok, string detail) => checks.Add(new CheckResult(item, name, subject, ok, detail));

        var log = await ReadEventLogAsync(caseId, checks, ct);
        if (log.Fold is not { } fold)
        {
            Add(Dat70Item.MetadataCompleteness, "事件日志可读", "案卷", false, "没有可读的事件日志");
            return Report(caseId, checks, false, 0);
        }

        IReadOnlyList<DocumentEntry> documents = fold.Documents;
        SealedManifest? sealedManifest = null;
        bool sealSigned = false;
        if (!fold.Sealed || fold.SealedManifestSha256 is null)
        {
            Add(Dat70Item.SourceAuthenticity, "案卷已封存", "案卷", false, "案卷未封存，没有已签名的封存清单");
        }
        else
        {
            (sealedManifest, sealSigned) = await CheckSealAsync(caseId, fold, log.Hashes, checks, ct);
            if (sealedManifest is not null) documents = sealedManifest.Documents;
            await CheckSnapshotAsync(caseId, fold, checks, ct);
        }

        var numbers = documents.Select(d => d.No).ToList();
        bool continuous = numbers.SequenceEqual(Enumerable.Range(1, numbers.Count));
        Add(Dat70Item.MetadataCompleteness, "件号连续", "卷内文件", continuous,
            numbers.Count == 0 ? "卷内没有文件"
            : continuous ? (numbers.Count == 1 ? "第 1 件，无漏号" : $"第 1—{numbers.Count} 件，无漏号")
            : $"应为第 1—{numbers.Count} 件，实际为 {string.Join("、", numbers)}");

        foreach (var doc in documents) await CheckDocumentAsync(caseId, doc, checks, ct);

        // Objects repair recorded as unreferenced (an interrupted upload) are named in the log, so they are not unlisted.
        var listed = documents.Select(d => d.Key).Concat(fold.Unreferenced).ToHashSet(StringComparer.Ordinal);
        var extra = (await _store.ListAsync(StoreArea.Vault, CaseKeys.Objects(caseId), ct)).Where(i => !listed.Contains(i.Key)).Select(i => i.Key).ToList();
        if (fold.SealedManifestSha256 is { } sha)
        {
            var sealKeys = new[] { CaseKeys.SealedManifest(caseId, sha), CaseKeys.SealedSignature(caseId, sha) };
            extra.AddRange((await _store.ListAsync(StoreArea.Vault, CaseKeys.Sealed(caseId), ct))
                .Select(i => i.Key).Where(k => !sealKeys.Contains(k) && !listed.Contains(k)));
        }
        Add(Dat70Item.DataTotal, "无清单外对象", "存储库", extra.Count == 0,
            extra.Count == 0 ? "存储库中的对象与清单一一对应" : $"清单外对象 {extra.Count} 个：{string.Join("、", extra.Select(Short))}");
        foreach (var check in _checks) checks.AddRange(await check.RunAsync(log, ct));

        // Security: read before this verification adds its own entry.
        checks.Add(await AccessLogCheck.RunAsync(_store, caseId, fold.Sealed
            ? (sealedManifest?.SealedBy ?? fold.SealedBy ?? "", sealedManifest?.SealedAt ?? fold.SealedAt ?? DateTimeOffset.MaxValue) : null, ct));
        await archive.LogAccessAsync(caseId, "verify", actor, ct);
        return Report(caseId, checks, fold.Sealed, documents.Count) with
        {
            // The 档号 the cover and the export print: the one the seal signed, else made from the signed metadata. A
            // manifest whose hash or signature fails is not believed: a forged 档号 would file the report under another case.
            ArchivalCode = ((sealSigned ? sealedManifest : null) is { } signedManifest
                ? signedManifest.ArchivalReference ?? ArchivalReference.Of(signedManifest.Metadata, archive.Fonds)
                : ArchivalReference.Of(fold.Metadata, archive.Fonds)).ArchivalCode,
        };
    }

    private VerificationReport Report(string caseId, List<CheckResult> checks, bool sealedCase, int docs) => new()
    {
        CaseId = caseId, CheckedAt = archive.Clock.GetUtcNow(), Store = StoreName(_store), Sealed = sealedCase, DocumentCount = docs, Checks = checks,
    };

    /// <summary>Reads every event: continuous numbers from 1, each chained to the previous one's hash.</summary>
    private async Task<StoredEventLog> ReadEventLogAsync(string caseId, List<CheckResult> checks, CancellationToken ct)
    {
        var log = await StoredEventLog.ReadAsync(_store, caseId, ct);
        checks.Add(new CheckResult(Dat70Item.MetadataCompleteness, "事件日志连续且哈希链完整", "事件日志", log.Whole,
            log.Problems.Count == 0 ? (log.Fold is null ? "没有事件" : $"共 {log.Events.Count} 条事件，编号连续，哈希链完整") : string.Join("；", log.Problems)));
        return log;
    }

    /// <summary>Checks the seal; returns the sealed manifest (if readable) and whether its hash and signature hold.</summary>
    private async Task<(SealedManifest? Manifest, bool Signed)> CheckSealAsync(
        string caseId, CaseManifest fold, IReadOnlyDictionary<long, string> eventHashes, List<CheckResult> checks, CancellationToken ct)
    {
        void Add(Dat70Item item, string name, bool ok, string detail) => checks.Add(new CheckResult(item, name, "封存清单", ok, detail));
        var sha = fold.SealedManifestSha256!;
        var bytes = await _store.GetAsync(StoreArea.Vault, CaseKeys.SealedManifest(caseId, sha), ct);
        var sigText = await _store.GetAsync(StoreArea.Vault, CaseKeys.SealedSignature(caseId, sha), ct);
        if (bytes is null || sigText is null)
        {
            Add(Dat70Item.MetadataCompleteness, "封存清单及签名齐全", false, bytes is null ? "封存清单缺失" : "封存清单的签名缺失");
            return (null, false);
        }
        bool hashOk = ContentDigest.Sha256Hex(bytes) == sha;
        Add(Dat70Item.SourceAuthenticity, "封存清单哈希值", hashOk, hashOk ? "SHA-256 与封存事件记录的一致" : "SHA-256 与封存事件记录的不一致");
        bool signed;
        try { signed = _trusted.Verify(bytes, Convert.FromBase64String(Encoding.ASCII.GetString(sigText).Trim())); }
        catch (FormatException) { signed = false; }
        Add(Dat70Item.SourceAuthenticity, "电子签名", signed, signed ? $"{SealSigner.Algorithm} 签名验证通过（密钥 {_trusted.KeyId}）" : $"签名无法用密钥 {_trusted.KeyId} 验证");
        SealedManifest manifest;
        try { manifest = ArchiveJson.Read<SealedManifest>(bytes, "sealed manifest"); }
        catch (JsonException) { Add(Dat70Item.MetadataUsability, "封存清单可读", false, "封存清单无法解析"); return (null, false); }
        bool agrees = manifest.CaseId == caseId
                      && manifest.Documents.Count == fold.Documents.Count
                      && manifest.Documents.Zip(fold.Documents)
                          .All(p => p.First.Sha256 == p.Second.Sha256 && p.First.Size == p.Second.Size && p.First.No == p.Second.No)
                      && eventHashes.TryGetValue(manifest.EventSeq, out var head) && head == manifest.EventHead
                      && manifest.EventSeq == fold.Seq - 1;
        Add(Dat70Item.MetadataCompleteness, "封存清单与事件日志一致", agrees, agrees ? $"文件 {manifest.Documents.Count} 件，截至第 {manifest.EventSeq} 号事件" : "封存清单与事件日志不一致");
        // The seal event is not signed; the manifest is. Who sealed and when must be the same in both.
        bool sameSeal = fold.SealedAt == manifest.SealedAt && fold.SealedBy == manifest.SealedBy;
        Add(Dat70Item.MetadataAccuracy, "封存人及封存时间与签名清单一致", sameSeal,
            sameSeal ? $"封存于 {manifest.SealedAt.ToOffset(ChinaTime.Offset):yyyy年M月d日 HH:mm:ss}（北京时间）" : "封存事件记录的封存人或时间与已签名的封存清单不同");
        bool sameUnreferenced = (manifest.Unreferenced ?? []).SequenceEqual(fold.Unreferenced);
        Add(Dat70Item.MetadataCompleteness, "未引用对象记录一致", sameUnreferenced,
            sameUnreferenced ? $"修复记录的未引用对象 {fold.Unreferenced.Count} 个" : "事件日志与封存清单记录的未引用对象不同");
        return (manifest, hashOk && signed);
    }

    /// <summary>The journal's current-manifest snapshot of a sealed case must equal the fold of its log.</summary>
    private async Task CheckSnapshotAsync(string caseId, CaseManifest fold, List<CheckResult> checks, CancellationToken ct)
    {
        var bytes = await _store.GetAsync(StoreArea.Journal, CaseKeys.CurrentManifest(caseId), ct);
        bool ok = false;
        try
        {
            if (bytes is not null)
            {
                var snap = ArchiveJson.Read<CaseManifest>(bytes, "manifest");
                ok = snap.Seq == fold.Seq && snap.Head == fold.Head && snap.Sealed
                     && snap.Documents.Select(d => (d.No, d.Sha256, d.Size, d.Title))
                         .SequenceEqual(fold.Documents.Select(d => (d.No, d.Sha256, d.Size, d.Title)))
                     && snap.Metadata == fold.Metadata;
            }
        }
        catch (JsonException) { ok = false; }
        checks.Add(new CheckResult(Dat70Item.MetadataCompleteness, "当前清单与事件日志一致", "当前清单", ok, ok ? "与事件日志一致" : bytes is null ? "当前清单缺失" : "与事件日志不一致"));
    }

    private async Task CheckDocumentAsync(string caseId, DocumentEntry doc, List<CheckResult> checks, CancellationToken ct)
    {
        void Add(Dat70Item item, string name, bool ok, string detail) => checks.Add(new CheckResult(item, name, DocumentSubject(doc.No), ok, detail));
        if (doc.Key != CaseKeys.Object(caseId, doc.Sha256))
        {
            Add(Dat70Item.MetadataContentLink, "存储位置与哈希值对应", false, $"{doc.Title}：存储位置不是其 SHA-256 所指的位置");
            return;
        }
        var bytes = await _store.GetAsync(StoreArea.Vault, doc.Key, ct);
        if (bytes is null)
        {
            Add(Dat70Item.ContentCompleteness, "文件内容齐全", false, $"{doc.Title}：内容对象缺失（SHA-256 {doc.Sha256[..16]}…）");
            return;
        }
        Add(Dat70Item.ContentCompleteness, "文件内容齐全", bytes.Length == doc.Size, bytes.Length == doc.Size
            ? $"{doc.Title}，{bytes.Length:N0} 字节"
            : $"{doc.Title}：实际 {bytes.Length} 字节，登记 {doc.Size} 字节");
        var digest = ContentDigest.Of(bytes);
        bool hashes = digest.Sha256 == doc.Sha256 && digest.Sm3 == doc.Sm3;
        Add(Dat70Item.ContentAuthenticity, "内容哈希值 SHA-256/SM3", hashes, hashes ? "与登记的哈希值一致" : $"{doc.Title}：内容与登记的哈希值不符");

        var (usable, detail) = Usability(doc.MediaType, bytes);
        Add(Dat70Item.ContentUsability, "文件可正常打开", usable, detail);
        if (IsPdf(doc.MediaType))
        {
            var active = PdfInspector.ActiveContent(bytes);
            Add(Dat70Item.MaliciousCode, "无活动内容", active.Count == 0, active.Count == 0 ? "无 JavaScript、嵌入文件或自动动作" : "发现 " + string.Join("、", active));
        }
    }

    private static (bool, string) Usability(string mediaType, byte[] bytes)
    {
        switch (mediaType.ToLowerInvariant())
        {
            case "application/pdf":
                var (pages, error) = PdfInspector.Open(bytes);
                return error is null ? (true, $"PDF，共 {pages} 页") : (false, "PDF 无法打开");
            case "image/png":
                return ImageProbe.Png(bytes) is { } p ? (true, $"PNG 图像 {p.Width}×{p.Height}") : (false, "PNG 图像无法解码");
            case "image/jpeg":
                return ImageProbe.Jpeg(bytes) is { } j ? (true, $"JPEG 图像 {j.Width}×{j.Height}") : (false, "JPEG 图像无法解码");
            case "application/json":
                try { using var _ = JsonDocument.Parse(bytes); return (true, "JSON 可解析"); }
                catch (JsonException) { return (false, "JSON 无法解析"); }
            default:
                return (true, $"{mediaType}：未检测格式");
        }
    }

    private static bool IsPdf(string mediaType) => mediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a report says about the store: its kind and, for S3, endpoint and bucket; never a local path.</summary>
    private static string StoreName(IArchiveStore store) => store is LocalArchiveStore ? "local" : store.Description;

    /// <summary>A stored object named by its last segment (its hash), not by the store's folders.</summary>
    internal static string Short(string key) =>
        key[(key.LastIndexOf('/') + 1)..] is var last && last.Length > 24 ? last[..16] + "…" : key[(key.LastIndexOf('/') + 1)..];

    /// <summary>检测对象 of a document's checks.</summary>
    public static string DocumentSubject(int no) => $"第 {no} 件";
}
