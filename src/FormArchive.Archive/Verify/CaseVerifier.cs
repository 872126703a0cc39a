using System.Text;
using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Verify;

/// <summary>
/// 四性检测 after DA/T 70-2018 on one case, reading the store directly (not through the archive's cache) so
/// that whatever is on disk or in the bucket now is what gets judged. Every problem becomes a failed check;
/// nothing throws for damaged data.
/// </summary>
public sealed class CaseVerifier(CaseArchive archive, SealSigner? trustedKey = null)
{
    private readonly IArchiveStore _store = archive.Store;
    private readonly SealSigner _trusted = trustedKey ?? archive.Signer;

    public async Task<VerificationReport> VerifyAsync(string caseId, string actor, CancellationToken ct = default)
    {
        CaseKeys.CheckId(caseId);
        var checks = new List<CheckResult>();
        void Add(CheckCategory c, string name, bool ok, string detail) => checks.Add(new CheckResult(c, name, ok, detail));

        // Security: the access log must exist before this check adds to it.
        var access = await _store.ListAsync(StoreArea.Journal, CaseKeys.Access(caseId), ct);

        var (fold, eventHashes) = await ReadEventLogAsync(caseId, checks, ct);
        if (fold is null)
        {
            Add(CheckCategory.Integrity, "case", false, "no readable event log");
            return Report(caseId, checks, false, 0);
        }

        IReadOnlyList<DocumentEntry> documents = fold.Documents;
        SealedManifest? sealedManifest = null;
        if (!fold.Sealed || fold.SealedManifestSha256 is null)
        {
            Add(CheckCategory.Authenticity, "seal", false, "case is not sealed");
        }
        else
        {
            sealedManifest = await CheckSealAsync(caseId, fold, eventHashes, checks, ct);
            if (sealedManifest is not null) documents = sealedManifest.Documents;
            await CheckSnapshotAsync(caseId, fold, checks, ct);
        }

        var numbers = documents.Select(d => d.No).ToList();
        Add(CheckCategory.Integrity, "document numbers", numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)),
            numbers.Count == 0 ? "no documents" : $"1…{numbers.Count}" + (numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)) ? "" : $", found {string.Join(",", numbers)}"));

        foreach (var doc in documents) await CheckDocumentAsync(caseId, doc, checks, ct);

        // Objects repair recorded as unreferenced (an interrupted upload) are named in the log, so they are not unlisted.
        var listed = documents.Select(d => d.Key).Concat(fold.Unreferenced).ToHashSet(StringComparer.Ordinal);
        var extra = (await _store.ListAsync(StoreArea.Vault, CaseKeys.Objects(caseId), ct)).Where(i => !listed.Contains(i.Key)).Select(i => i.Key).ToList();
        if (fold.SealedManifestSha256 is { } sha)
        {
            var sealKeys = new[] { CaseKeys.SealedManifest(caseId, sha), CaseKeys.SealedSignature(caseId, sha) };
            extra.AddRange((await _store.ListAsync(StoreArea.Vault, CaseKeys.Sealed(caseId), ct)).Select(i => i.Key).Where(k => !sealKeys.Contains(k) && !listed.Contains(k)));
        }
        Add(CheckCategory.Integrity, "no unlisted objects", extra.Count == 0, extra.Count == 0 ? "vault holds exactly the listed objects" : "unlisted: " + string.Join(", ", extra.Select(Short)));

        Add(CheckCategory.Security, "access log", access.Count > 0, access.Count > 0 ? $"{access.Count} entries" : "no access log");
        await archive.LogAccessAsync(caseId, "verify", actor, ct);
        return Report(caseId, checks, fold.Sealed, documents.Count);
    }

    private VerificationReport Report(string caseId, List<CheckResult> checks, bool sealedCase, int docs) => new()
    {
        CaseId = caseId, CheckedAt = archive.Clock.GetUtcNow(), Store = StoreName(_store), Sealed = sealedCase, DocumentCount = docs, Checks = checks,
    };

    /// <summary>Reads every event: continuous numbers from 1, each chained to the previous one's hash.</summary>
    private async Task<(CaseManifest? Fold, Dictionary<long, string> Hashes)> ReadEventLogAsync(string caseId, List<CheckResult> checks, CancellationToken ct)
    {
        var hashes = new Dictionary<long, string>();
        CaseManifest? fold = null;
        var problems = new List<string>();
        long expected = 1;
        foreach (var item in await _store.ListAsync(StoreArea.Journal, CaseKeys.Events(caseId), ct))
        {
            if (CaseKeys.SeqOf(item.Key) is not { } seq) { problems.Add("stray key " + Short(item.Key)); continue; }
            if (seq != expected) { problems.Add($"event {expected} missing (next is {seq})"); break; }
            var bytes = await _store.GetAsync(StoreArea.Journal, item.Key, ct);
            try
            {
                var ev = ArchiveJson.Read<CaseEvent>(bytes ?? [], item.Key);
                if (ev.Seq != seq) { problems.Add($"event {seq} claims number {ev.Seq}"); break; }
                if (ev.Prev != fold?.Head) { problems.Add($"event {seq} does not chain to event {seq - 1}"); break; }
                var hash = ContentDigest.Sha256Hex(bytes);
                fold = CaseManifest.Apply(fold, ev, hash);
                hashes[seq] = hash;
                expected++;
            }
            catch (Exception e) when (e is JsonException or ArchiveCorruptException)
            {
                problems.Add($"event {seq} unreadable: {e.Message}");
                break;
            }
        }
        checks.Add(new CheckResult(CheckCategory.Integrity, "event log", problems.Count == 0 && fold is not null,
            problems.Count == 0 ? $"{expected - 1} events, continuous and hash-chained" : string.Join("; ", problems)));
        return (fold, hashes);
    }

    private async Task<SealedManifest?> CheckSealAsync(string caseId, CaseManifest fold, Dictionary<long, string> eventHashes, List<CheckResult> checks, CancellationToken ct)
    {
        void Add(CheckCategory c, string name, bool ok, string detail) => checks.Add(new CheckResult(c, name, ok, detail));
        var sha = fold.SealedManifestSha256!;
        var bytes = await _store.GetAsync(StoreArea.Vault, CaseKeys.SealedManifest(caseId, sha), ct);
        var sigText = await _store.GetAsync(StoreArea.Vault, CaseKeys.SealedSignature(caseId, sha), ct);
        if (bytes is null || sigText is null)
        {
            Add(CheckCategory.Integrity, "sealed manifest", false, bytes is null ? "sealed manifest missing" : "signature missing");
            return null;
        }
        Add(CheckCategory.Authenticity, "sealed manifest hash", ContentDigest.Sha256Hex(bytes) == sha, "SHA-256 as recorded by the seal event");
        bool signed;
        try { signed = _trusted.Verify(bytes, Convert.FromBase64String(Encoding.ASCII.GetString(sigText).Trim())); }
        catch (FormatException) { signed = false; }
        Add(CheckCategory.Authenticity, "signature", signed, signed ? $"{SealSigner.Algorithm}, key {_trusted.KeyId}" : $"signature does not verify with key {_trusted.KeyId}");
        SealedManifest manifest;
        try { manifest = ArchiveJson.Read<SealedManifest>(bytes, "sealed manifest"); }
        catch (JsonException e) { Add(CheckCategory.Usability, "sealed manifest", false, e.Message); return null; }
        bool agrees = manifest.CaseId == caseId
                      && manifest.Documents.Count == fold.Documents.Count
                      && manifest.Documents.Zip(fold.Documents).All(p => p.First.Sha256 == p.Second.Sha256 && p.First.Size == p.Second.Size && p.First.No == p.Second.No)
                      && eventHashes.TryGetValue(manifest.EventSeq, out var head) && head == manifest.EventHead
                      && manifest.EventSeq == fold.Seq - 1;
        Add(CheckCategory.Integrity, "manifest matches event log", agrees, agrees ? $"{manifest.Documents.Count} documents up to event {manifest.EventSeq}" : "sealed manifest and event log disagree");
        // The seal event is not signed; the manifest is. Who sealed and when must be the same in both.
        bool sameSeal = fold.SealedAt == manifest.SealedAt && fold.SealedBy == manifest.SealedBy;
        Add(CheckCategory.Authenticity, "seal event matches signed manifest", sameSeal,
            sameSeal ? $"sealed {manifest.SealedAt:yyyy-MM-dd HH:mm:ss}Z" : "the seal event's actor or time differs from the signed manifest");
        bool sameUnreferenced = (manifest.Unreferenced ?? []).SequenceEqual(fold.Unreferenced);
        Add(CheckCategory.Integrity, "unreferenced objects", sameUnreferenced,
            sameUnreferenced ? $"{fold.Unreferenced.Count} recorded by repair" : "the event log and the sealed manifest record different unreferenced objects");
        return manifest;
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
                     && snap.Documents.Select(d => (d.No, d.Sha256, d.Size, d.Title)).SequenceEqual(fold.Documents.Select(d => (d.No, d.Sha256, d.Size, d.Title)))
                     && snap.Metadata == fold.Metadata;
            }
        }
        catch (JsonException) { ok = false; }
        checks.Add(new CheckResult(CheckCategory.Integrity, "current manifest", ok, ok ? "matches the event log" : bytes is null ? "missing" : "differs from the event log"));
    }

    private async Task CheckDocumentAsync(string caseId, DocumentEntry doc, List<CheckResult> checks, CancellationToken ct)
    {
        void Add(CheckCategory c, string name, bool ok, string detail) => checks.Add(new CheckResult(c, $"{name} #{doc.No}", ok, detail));
        if (doc.Key != CaseKeys.Object(caseId, doc.Sha256))
        {
            Add(CheckCategory.Integrity, "object key", false, $"{Short(doc.Key)} is not the address of its SHA-256");
            return;
        }
        var bytes = await _store.GetAsync(StoreArea.Vault, doc.Key, ct);
        if (bytes is null)
        {
            Add(CheckCategory.Integrity, "present", false, $"{doc.Title}: object {Short(doc.Key)} missing");
            return;
        }
        Add(CheckCategory.Integrity, "present", bytes.Length == doc.Size, bytes.Length == doc.Size ? $"{doc.Title}, {bytes.Length:N0} bytes" : $"{doc.Title}: {bytes.Length} bytes, listed {doc.Size}");
        var digest = ContentDigest.Of(bytes);
        bool hashes = digest.Sha256 == doc.Sha256 && digest.Sm3 == doc.Sm3;
        Add(CheckCategory.Authenticity, "SHA-256/SM3", hashes, hashes ? "match" : $"{doc.Title}: content differs from its recorded hashes");

        var (usable, detail) = Usability(doc.MediaType, bytes);
        Add(CheckCategory.Usability, "opens", usable, detail);
        if (IsPdf(doc.MediaType))
        {
            var active = PdfInspector.ActiveContent(bytes);
            Add(CheckCategory.Security, "no active content", active.Count == 0, active.Count == 0 ? "no JavaScript, embedded files or actions" : "found " + string.Join(", ", active));
        }
    }

    private static (bool, string) Usability(string mediaType, byte[] bytes)
    {
        switch (mediaType.ToLowerInvariant())
        {
            case "application/pdf":
                var (pages, error) = PdfInspector.Open(bytes);
                return error is null ? (true, $"PDF, {pages} page(s)") : (false, "PDF does not open: " + error);
            case "image/png":
                return ImageProbe.Png(bytes) is { } p ? (true, $"PNG {p.Width}×{p.Height}") : (false, "PNG does not decode");
            case "image/jpeg":
                return ImageProbe.Jpeg(bytes) is { } j ? (true, $"JPEG {j.Width}×{j.Height}") : (false, "JPEG does not decode");
            case "application/json":
                try { using var _ = JsonDocument.Parse(bytes); return (true, "JSON"); }
                catch (JsonException e) { return (false, "JSON does not parse: " + e.Message); }
            default:
                return (true, $"{mediaType}: format not checked");
        }
    }

    private static bool IsPdf(string mediaType) => mediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>What a report says about the store: its kind and, for S3, endpoint and bucket; never a local path.</summary>
    private static string StoreName(IArchiveStore store) => store is LocalArchiveStore ? "local" : store.Description;

    private static string Short(string key) => key.Length > 48 ? "…" + key[^40..] : key;
}
