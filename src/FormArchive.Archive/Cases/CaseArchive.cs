using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using FormArchive.Archive.Fonds;
using FormArchive.Archive.Seal;
using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Cases;

/// <summary>
/// The electronic case files (电子档案) on one store: open a case, file documents, seal, open a 补充卷.
/// Appends are optimistic: an event is created only if its sequence number is still free, so writers in
/// other processes or API instances never overwrite each other; writers in this process also queue on a
/// per-case gate so they do not race needlessly. Document bytes go to the vault before their event is
/// appended, so no manifest entry can point at an object that was never written.
/// </summary>
public sealed class CaseArchive
{
    private readonly ConcurrentDictionary<string, CaseState> _cases = new(StringComparer.Ordinal);

    public CaseArchive(IArchiveStore store, SealSigner signer, RetentionPolicy? retention = null, TimeProvider? clock = null, ICaseIndex? index = null)
    {
        Store = store;
        Signer = signer;
        Retention = retention ?? new RetentionPolicy();
        Clock = clock ?? TimeProvider.System;
        Index = index;
    }

    public IArchiveStore Store { get; }
    public SealSigner Signer { get; }
    public RetentionPolicy Retention { get; }
    public TimeProvider Clock { get; }

    /// <summary>The catalog kept in step with every change, if any.</summary>
    public ICaseIndex? Index { get; }

    /// <summary>The issuing units' fonds settings (全宗, 目录号, 保管期限, 密级) the cover and the export print.</summary>
    public FondsRegistry Fonds { get; init; } = FondsRegistry.Embedded;

    /// <summary>Called when updating <see cref="Index"/> failed (the change itself stands; reindex repairs).</summary>
    public event Action<string, Exception>? IndexFailed;

    private sealed class CaseState
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public CaseManifest? Manifest;
    }

    public Task<CaseManifest> OpenCaseAsync(CaseMetadata metadata, string clerk, CancellationToken ct = default) =>
        OpenCaseAsync(metadata, clerk, [], ct);

    /// <summary>
    /// Opens a case with its first documents (the API's case data) in one write: the objects first, then the
    /// opening event that lists them, so a case never exists without them.
    /// </summary>
    public async Task<CaseManifest> OpenCaseAsync(CaseMetadata metadata, string clerk, IReadOnlyList<DocumentUpload> documents, CancellationToken ct = default)
    {
        var caseId = CaseKeys.CheckId(metadata.CaseId);
        var state = StateOf(caseId);
        await state.Gate.WaitAsync(ct);
        var created = new List<string>();
        try
        {
            var entries = new List<DocumentEntry>();
            foreach (var upload in documents)
            {
                var (entry, isNew) = await WriteObjectAsync(caseId, upload, clerk);
                if (isNew) created.Add(entry.Key);
                entries.Add(entry);
            }
            var ev = new ArchiveEvent { Seq = 1, Type = ArchiveEvent.Opened, At = Now(), Actor = clerk, Metadata = metadata, Documents = entries.Count > 0 ? entries : null };
            var bytes = ArchiveJson.Bytes(ev);
            if (!await Store.TryCreateAsync(StoreArea.Journal, CaseKeys.Event(caseId, 1), bytes, ct))
                throw new CaseExistsException(caseId);
            created.Clear();
            state.Manifest = CaseManifest.Apply(null, ev, ContentDigest.Sha256Hex(bytes));
            await WriteSnapshotAsync(state.Manifest, ct);
            await IndexAsync(state.Manifest);
            return state.Manifest;
        }
        catch when (created.Count > 0)
        {
            // The case existed already (or the write failed): its own objects are not these, unless listed there.
            await RemoveIfUnlistedAsync(caseId, state, created);
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Writes one document's bytes to the vault (content-addressed); its entry, and whether the object is new.</summary>
    private async Task<(DocumentEntry Entry, bool Created)> WriteObjectAsync(string caseId, DocumentUpload upload, string clerk)
    {
        if (string.IsNullOrWhiteSpace(upload.Title)) throw new ArgumentException("a document needs a title", nameof(upload));
        if (upload.Content is not { Length: > 0 }) throw new ArgumentException("a document needs content", nameof(upload));
        var digest = ContentDigest.Of(upload.Content);
        var key = CaseKeys.Object(caseId, digest.Sha256);
        bool created = await Store.TryCreateAsync(StoreArea.Vault, key, upload.Content, CancellationToken.None);
        return (new DocumentEntry
        {
            Title = upload.Title.Trim(),
            ResponsibleParty = upload.ResponsibleParty,
            DocNumber = string.IsNullOrWhiteSpace(upload.DocNumber) ? null : upload.DocNumber.Trim(),
            Date = upload.Date,
            FileName = Path.GetFileName(upload.FileName),
            MediaType = upload.MediaType,
            Size = upload.Content.Length,
            Sha256 = digest.Sha256,
            Sm3 = digest.Sm3,
            Key = key,
            DerivedFrom = upload.DerivedFrom,
            AddedAt = Now(),
            AddedBy = clerk,
        }, created);
    }

    /// <summary>The case as of its latest event (reads events written by other instances too).</summary>
    public async Task<CaseManifest> GetManifestAsync(string caseId, CancellationToken ct = default)
    {
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        try
        {
            return await RefreshAsync(caseId, state, ct);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    public Task<CaseManifest> UpdateMetadataAsync(CaseMetadata metadata, string clerk, CancellationToken ct = default) =>
        AppendAsync(metadata.CaseId, m =>
        {
            RefuseWrites(m);
            return NextEvent(m, ArchiveEvent.MetadataChanged, clerk) with { Metadata = metadata with { CaseId = m.CaseId } };
        }, ct);

    /// <summary>
    /// Appends a step of the procedure. <paramref name="make"/> sees the case as of now, under the case gate,
    /// and returns the step or throws to refuse it; if another instance appends first it is asked again with
    /// the newer case, so a step is always checked against the log it follows. Sealed and damaged cases refuse.
    /// </summary>
    public Task<CaseManifest> AppendStageAsync(string caseId, Func<CaseManifest, StageRecord> make, string clerk, CancellationToken ct = default) =>
        AppendAsync(caseId, m =>
        {
            RefuseWrites(m);
            return NextEvent(m, ArchiveEvent.Stage, clerk) with { StageRecord = make(m) };
        }, ct);

    /// <summary>
    /// Files one document for a step and records the step naming it. <paramref name="make"/> sees the case as of now
    /// and the 件号 the document takes, under the case gate, and returns the step or throws to refuse it. It is asked
    /// before anything is written, so a refused step files nothing, and again whenever another instance appended
    /// first. The document and the step are two entries: if another instance appends between them and the step is
    /// then refused, the document stays filed and <see cref="StageRefusedAfterFilingException"/> names it.
    /// </summary>
    public async Task<(CaseManifest Case, DocumentEntry Document)> FileForStageAsync(string caseId, DocumentUpload upload,
        Func<CaseManifest, int, StageRecord> make, string clerk, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(upload.Title)) throw new ArgumentException("a document needs a title", nameof(upload));
        if (upload.Content is not { Length: > 0 }) throw new ArgumentException("a document needs content", nameof(upload));
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        string? created = null;
        try
        {
            var m = await RefreshAsync(caseId, state, ct);
            RefuseWrites(m);
            make(m, m.Documents.Count + 1); // refused: nothing written
            ct.ThrowIfCancellationRequested();
            var (entry, isNew) = await WriteObjectAsync(caseId, upload, clerk);
            if (isNew) created = entry.Key;
            DocumentEntry filed;
            while (true)
            {
                var ev = NextEvent(m, ArchiveEvent.DocumentsAdded, clerk) with { Documents = [entry] };
                if (await TryAppendAsync(caseId, state, m, ev, CancellationToken.None, "file") is { } next)
                {
                    (m, filed, created) = (next, next.Documents[^1], null);
                    break;
                }
                m = await RefreshAsync(caseId, state, CancellationToken.None);
                RefuseWrites(m);
                make(m, m.Documents.Count + 1); // another instance appended: asked again, still nothing filed
            }
            while (true)
            {
                ArchiveEvent ev;
                try
                {
                    RefuseWrites(m);
                    ev = NextEvent(m, ArchiveEvent.Stage, clerk) with { StageRecord = make(m, filed.No) };
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new StageRefusedAfterFilingException(caseId, filed, e);
                }
                if (await TryAppendAsync(caseId, state, m, ev, CancellationToken.None) is { } next) return (next, filed);
                m = await RefreshAsync(caseId, state, CancellationToken.None);
            }
        }
        catch when (created is not null)
        {
            await RemoveIfUnlistedAsync(caseId, state, [created]);
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Files one document; returns its manifest entry with its 件号.</summary>
    public async Task<DocumentEntry> AddDocumentAsync(string caseId, DocumentUpload upload, string clerk, CancellationToken ct = default) =>
        (await AddDocumentsAsync(caseId, [upload], clerk, ct))[0];

    /// <summary>
    /// Files one upload as one unit: every object is written first, then one event lists them all, so the case
    /// holds the whole upload or none of it whatever crashes, and a seal (which takes the same case gate and
    /// appends to the same log) comes before or after the upload, never inside it. Once the first object is
    /// written the upload is no longer cancelled. Returns the entries with their 件号, in upload order.
    /// </summary>
    public async Task<IReadOnlyList<DocumentEntry>> AddDocumentsAsync(string caseId, IReadOnlyList<DocumentUpload> uploads, string clerk, CancellationToken ct = default)
    {
        if (uploads.Count == 0) throw new ArgumentException("an upload needs at least one document", nameof(uploads));
        foreach (var upload in uploads)
        {
            if (string.IsNullOrWhiteSpace(upload.Title)) throw new ArgumentException("a document needs a title", nameof(uploads));
            if (upload.Content is not { Length: > 0 }) throw new ArgumentException("a document needs content", nameof(uploads));
        }
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        var created = new List<string>();
        try
        {
            var m = await RefreshAsync(caseId, state, ct);
            RefuseWrites(m);
            ct.ThrowIfCancellationRequested();
            var entries = new List<DocumentEntry>();
            for (int i = 0; i < uploads.Count; i++)
            {
                var (entry, isNew) = await WriteObjectAsync(caseId, uploads[i], clerk);
                if (isNew) created.Add(entry.Key);
                CrashPoint.Reach($"file.object-{i + 1}");
                entries.Add(entry);
            }
            CrashPoint.Reach("file.event");
            while (true)
            {
                var ev = NextEvent(m, ArchiveEvent.DocumentsAdded, clerk) with { Documents = entries };
                if (await TryAppendAsync(caseId, state, m, ev, CancellationToken.None, "file") is { } next)
                {
                    created.Clear();
                    return next.Documents.TakeLast(entries.Count).ToList();
                }
                // Another instance appended meanwhile (perhaps the seal): look again.
                m = await RefreshAsync(caseId, state, CancellationToken.None);
                RefuseWrites(m);
            }
        }
        catch when (created.Count > 0)
        {
            await RemoveIfUnlistedAsync(caseId, state, created);
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>The bytes of document <paramref name="no"/>, checked against its SHA-256; the read is logged.</summary>
    public async Task<(DocumentEntry Entry, byte[] Content)> GetDocumentAsync(string caseId, int no, string actor, CancellationToken ct = default)
    {
        var m = await GetManifestAsync(caseId, ct);
        var entry = m.Documents.FirstOrDefault(d => d.No == no) ?? throw new KeyNotFoundException($"case {caseId} has no document {no}");
        var bytes = await Store.GetAsync(StoreArea.Vault, entry.Key, ct) ?? throw new ArchiveCorruptException($"case {caseId}: object of document {no} is missing");
        if (ContentDigest.Sha256Hex(bytes) != entry.Sha256) throw new ArchiveCorruptException($"case {caseId}: document {no} does not match its SHA-256");
        await LogAccessAsync(caseId, $"read document {no}", actor, ct);
        return (entry, bytes);
    }

    /// <summary>
    /// Seals the case: repairs it (objects no entry lists are recorded as unreferenced, abandoned temporary
    /// files removed), refuses it if it is damaged or a listed object is missing, writes the signed manifest to
    /// the vault, appends the seal event (after which every write is refused), then puts the case's vault
    /// objects under retention.
    /// </summary>
    public async Task<SealResult> SealAsync(string caseId, string clerk, CancellationToken ct = default)
    {
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        CaseManifest sealedCase;
        byte[] manifestBytes, signature;
        try
        {
            while (true)
            {
                var m = await RefreshAsync(caseId, state, ct);
                RefuseWrites(m);
                m = (await RepairOpenCaseAsync(caseId, state, m, ct)).Case;
                // Logged before the seal event so that a crash after it cannot leave a seal nobody logged.
                await LogAccessAsync(caseId, "seal", clerk, ct);
                CrashPoint.Reach("seal.repaired");
                var at = Now();
                var manifest = new SealedManifest
                {
                    CaseId = caseId,
                    Metadata = m.Metadata,
                    Documents = m.Documents,
                    // Where the case is filed, as configured now: signed, so later configuration cannot change it.
                    ArchivalReference = ArchivalReference.Of(m.Metadata, Fonds),
                    Unreferenced = m.Unreferenced.Count > 0 ? m.Unreferenced : null,
                    SealedAt = at,
                    SealedBy = clerk,
                    EventSeq = m.Seq,
                    EventHead = m.Head!,
                    SignatureAlgorithm = SealSigner.Algorithm,
                    KeyId = Signer.KeyId,
                    RetentionMode = Retention.Mode.ToString().ToUpperInvariant(),
                    RetainUntil = Retention.Until(at),
                };
                manifestBytes = ArchiveJson.Bytes(manifest);
                signature = Signer.Sign(manifestBytes);
                var sha = ContentDigest.Sha256Hex(manifestBytes);
                await Store.TryCreateAsync(StoreArea.Vault, CaseKeys.SealedManifest(caseId, sha), manifestBytes, ct);
                CrashPoint.Reach("seal.manifest");
                await Store.TryCreateAsync(StoreArea.Vault, CaseKeys.SealedSignature(caseId, sha), Encoding.ASCII.GetBytes(Convert.ToBase64String(signature)), ct);
                CrashPoint.Reach("seal.signature");
                var ev = NextEvent(m, ArchiveEvent.Sealed, clerk) with { At = at, SealedManifest = sha };
                var next = await TryAppendAsync(caseId, state, m, ev, ct, "seal");
                if (next is not null)
                {
                    sealedCase = state.Manifest = next with { SealedReference = manifest.ArchivalReference };
                    // Indexed again now that it holds the signed reference: the catalog keeps that 档号 whatever the settings say later.
                    await IndexAsync(sealedCase);
                    break;
                }
                // Someone filed a document meanwhile: that manifest is out of date; seal again.
                await DeleteQuietlyAsync(CaseKeys.SealedManifest(caseId, sha));
                await DeleteQuietlyAsync(CaseKeys.SealedSignature(caseId, sha));
            }
        }
        finally
        {
            state.Gate.Release();
        }
        CrashPoint.Reach("seal.retain");
        await RetainAsync(sealedCase, ct);
        return new SealResult(sealedCase, manifestBytes, signature);
    }

    /// <summary>
    /// Brings a case back to a consistent state after a crash. Open case: vault objects that no entry lists (an
    /// upload interrupted before its event) are recorded as unreferenced in one event and stay out of the record;
    /// temporary files of writers that are gone are removed. Sealed case: retention is applied again to every
    /// listed object (a crash may have stopped it half way). A damaged case is left as it is.
    /// </summary>
    public async Task<RepairResult> RepairAsync(string caseId, CancellationToken ct = default)
    {
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        RepairResult result;
        try
        {
            var m = await RefreshAsync(caseId, state, ct);
            if (m.Damaged) return new RepairResult(m, [], 0);
            // A crash between an event and the snapshot leaves the snapshot one change behind.
            await WriteSnapshotAsync(m, ct);
            if (!m.Sealed) return await RepairOpenCaseAsync(caseId, state, m, ct);
            result = new RepairResult(m, [], await RemoveAbandonedTempFilesAsync(caseId, ct));
        }
        finally
        {
            state.Gate.Release();
        }
        await RetainAsync(result.Case, ct);
        return result;
    }

    private async Task<RepairResult> RepairOpenCaseAsync(string caseId, CaseState state, CaseManifest m, CancellationToken ct)
    {
        int temps = await RemoveAbandonedTempFilesAsync(caseId, ct);
        while (true)
        {
            var stored = (await Store.ListAsync(StoreArea.Vault, CaseKeys.Objects(caseId), ct))
                .Concat(await Store.ListAsync(StoreArea.Vault, CaseKeys.Sealed(caseId), ct)).ToList();
            var listed = m.Documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            var unlisted = stored.Select(i => i.Key).Where(k => !listed.Contains(k) && !m.Unreferenced.Contains(k)).ToList();
            if (unlisted.Count > 0)
            {
                var ev = NextEvent(m, ArchiveEvent.Unreferenced, "formarchive repair") with { Keys = unlisted };
                if (await TryAppendAsync(caseId, state, m, ev, ct) is not { } next)
                {
                    m = await RefreshAsync(caseId, state, ct);
                    RefuseWrites(m);
                    continue;
                }
                m = next;
            }
            var sizes = stored.ToDictionary(i => i.Key, i => i.Size, StringComparer.Ordinal);
            foreach (var d in m.Documents)
            {
                if (d.Key != CaseKeys.Object(caseId, d.Sha256))
                    throw new CaseDamagedException(caseId, $"document {d.No} ({d.Title}) is not stored at the address of its SHA-256");
                if (!sizes.TryGetValue(d.Key, out var size))
                    throw new CaseDamagedException(caseId, $"the object of document {d.No} ({d.Title}) is missing");
                if (size != d.Size)
                    throw new CaseDamagedException(caseId, $"the object of document {d.No} ({d.Title}) has {size} bytes, listed {d.Size}");
            }
            return new RepairResult(m, unlisted, temps);
        }
    }

    private async Task<int> RemoveAbandonedTempFilesAsync(string caseId, CancellationToken ct) =>
        await Store.RemoveAbandonedTempFilesAsync(StoreArea.Vault, CaseKeys.Prefix(caseId), ct)
        + await Store.RemoveAbandonedTempFilesAsync(StoreArea.Journal, CaseKeys.Prefix(caseId), ct);

    private async Task RetainAsync(CaseManifest sealedCase, CancellationToken ct)
    {
        var until = Retention.Until(sealedCase.SealedAt!.Value);
        var keys = sealedCase.Documents.Select(d => d.Key).Distinct()
            .Append(CaseKeys.SealedManifest(sealedCase.CaseId, sealedCase.SealedManifestSha256!))
            .Append(CaseKeys.SealedSignature(sealedCase.CaseId, sealedCase.SealedManifestSha256!));
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (key, c) => await Store.RetainAsync(key, Retention, until, c));
    }

    /// <summary>Writes are refused to a sealed case (409) and to a damaged one.</summary>
    private static void RefuseWrites(CaseManifest m)
    {
        if (m.Sealed) throw new CaseSealedException(m.CaseId);
        if (m.Damage is { } damage) throw new CaseDamagedException(m.CaseId, damage);
    }

    /// <summary>The sealed manifest's exact bytes and signature, as stored in the vault.</summary>
    public async Task<SealResult> ReadSealAsync(string caseId, CancellationToken ct = default)
    {
        var m = await GetManifestAsync(caseId, ct);
        if (!m.Sealed || m.SealedManifestSha256 is null) throw new InvalidOperationException($"case {caseId} is not sealed");
        var bytes = await Store.GetAsync(StoreArea.Vault, CaseKeys.SealedManifest(caseId, m.SealedManifestSha256), ct)
                    ?? throw new ArchiveCorruptException($"case {caseId}: sealed manifest is missing");
        var sig = await Store.GetAsync(StoreArea.Vault, CaseKeys.SealedSignature(caseId, m.SealedManifestSha256), ct)
                  ?? throw new ArchiveCorruptException($"case {caseId}: seal signature is missing");
        return new SealResult(m, bytes, Convert.FromBase64String(Encoding.ASCII.GetString(sig).Trim()));
    }

    /// <summary>
    /// Opens the next 补充卷 of a sealed case (ROOT-V2, ROOT-V3 …) with the same case metadata, linked by
    /// <see cref="CaseMetadata.SupplementOf"/>. The sealed volume itself is never changed.
    /// </summary>
    public Task<CaseManifest> OpenSupplementAsync(string caseId, string clerk, CancellationToken ct = default) =>
        OpenSupplementAsync(caseId, clerk, [], joinOpen: false, ct);

    /// <summary>
    /// Opens the next 补充卷 with <paramref name="documents"/> filed in its opening event (a volume never exists
    /// without them). With <paramref name="joinOpen"/>, a later volume that is still open is returned instead of
    /// opening another, so two writers racing to open a volume end up in the same one.
    /// </summary>
    public async Task<CaseManifest> OpenSupplementAsync(string caseId, string clerk, IReadOnlyList<DocumentUpload> documents, bool joinOpen, CancellationToken ct = default)
    {
        var m = await GetManifestAsync(caseId, ct);
        if (!m.Sealed) throw new InvalidOperationException($"case {caseId} is not sealed; file corrections in it directly");
        var root = m.Metadata.SupplementOf ?? caseId;
        for (int volume = 2; ; volume++)
        {
            var id = CaseKeys.VolumeId(root, volume);
            try
            {
                return await OpenCaseAsync(m.Metadata with { CaseId = id, SupplementOf = root, Volume = volume, Status = m.Metadata.Status }, clerk, documents, ct);
            }
            catch (CaseExistsException) when (joinOpen)
            {
                var existing = await GetManifestAsync(id, ct);
                if (!existing.Sealed && existing.Metadata.SupplementOf == root) return existing;
            }
            catch (CaseExistsException)
            {
                // That volume exists; try the next.
            }
        }
    }

    /// <summary>Ids of every case in the store (for reindexing).</summary>
    public async Task<IReadOnlyList<string>> ListCaseIdsAsync(CancellationToken ct = default)
    {
        var first = "/events/" + 1L.ToString("D8") + ".json";
        return (await Store.ListAsync(StoreArea.Journal, CaseKeys.Root, ct))
            .Where(i => i.Key.EndsWith(first, StringComparison.Ordinal))
            .Select(i => i.Key[CaseKeys.Root.Length..^first.Length])
            .ToList();
    }

    /// <summary>Appends to the case's access log (kept beside, not inside, the sealed record).</summary>
    public async Task LogAccessAsync(string caseId, string action, string actor, CancellationToken ct = default)
    {
        var at = Now();
        var key = CaseKeys.Access(caseId) + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfffffff") + "-" + Guid.NewGuid().ToString("N") + ".json";
        await Store.TryCreateAsync(StoreArea.Journal, key, ArchiveJson.Bytes(new AccessLogEntry(at, actor, action)), ct);
    }

    public async Task<IReadOnlyList<AccessLogEntry>> ReadAccessLogAsync(string caseId, CancellationToken ct = default)
    {
        var list = new List<AccessLogEntry>();
        foreach (var item in await Store.ListAsync(StoreArea.Journal, CaseKeys.Access(caseId), ct))
            if (await Store.GetAsync(StoreArea.Journal, item.Key, ct) is { } bytes)
                list.Add(ArchiveJson.Read<AccessLogEntry>(bytes, item.Key));
        return list;
    }

    private async Task<CaseManifest> AppendAsync(string caseId, Func<CaseManifest, ArchiveEvent> make, CancellationToken ct)
    {
        var state = StateOf(CaseKeys.CheckId(caseId));
        await state.Gate.WaitAsync(ct);
        try
        {
            while (true)
            {
                var m = await RefreshAsync(caseId, state, ct);
                if (await TryAppendAsync(caseId, state, m, make(m), ct) is { } next) return next;
            }
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Creates the event if its sequence number is still free; null if another writer took it.</summary>
    private async Task<CaseManifest?> TryAppendAsync(string caseId, CaseState state, CaseManifest m, ArchiveEvent ev, CancellationToken ct, string? step = null)
    {
        var bytes = ArchiveJson.Bytes(ev);
        if (!await Store.TryCreateAsync(StoreArea.Journal, CaseKeys.Event(caseId, ev.Seq), bytes, ct)) return null;
        if (step is not null) CrashPoint.Reach(step + ".snapshot");
        state.Manifest = CaseManifest.Apply(m, ev, ContentDigest.Sha256Hex(bytes));
        await WriteSnapshotAsync(state.Manifest, ct);
        if (step is not null) CrashPoint.Reach(step + ".index");
        await IndexAsync(state.Manifest);
        return state.Manifest;
    }

    /// <summary>
    /// Folds in events beyond what this instance has seen, checking sequence and hash chain. A log that breaks
    /// does not make the case unreadable: the fold stops at the last sound event and the case is flagged
    /// damaged. Who sealed and when are taken from the signed manifest, never from the (unsigned) seal event.
    /// </summary>
    private async Task<CaseManifest> RefreshAsync(string caseId, CaseState state, CancellationToken ct)
    {
        var known = state.Manifest is { Damaged: false } k ? k : null; // a damaged case is read again from the start
        var m = known;
        string? damage = null;
        foreach (var item in await Store.ListAsync(StoreArea.Journal, CaseKeys.Events(caseId), ct))
        {
            if (CaseKeys.SeqOf(item.Key) is not { } seq || seq <= (m?.Seq ?? 0)) continue;
            if (seq != (m?.Seq ?? 0) + 1) { damage = $"event {(m?.Seq ?? 0) + 1} is missing"; break; }
            var bytes = await Store.GetAsync(StoreArea.Journal, item.Key, ct);
            if (bytes is null) { damage = $"event {seq} vanished"; break; }
            try
            {
                var ev = ArchiveJson.Read<ArchiveEvent>(bytes, item.Key);
                if (ev.Seq != seq || ev.Prev != m?.Head) { damage = $"event {seq} does not continue the log"; break; }
                m = CaseManifest.Apply(m, ev, ContentDigest.Sha256Hex(bytes));
            }
            catch (Exception e) when (e is JsonException or ArchiveCorruptException)
            {
                damage = $"event {seq} is not readable ({e.Message})";
                break;
            }
            if (m.Sealed)
            {
                m = await WithSignedSealFactsAsync(m, ct);
                if (m.Damage is { } d) { damage = d; break; }
            }
        }
        if (m is null)
            throw damage is null ? new CaseNotFoundException(caseId) : new ArchiveCorruptException($"case {caseId}: {damage}");
        if (damage is not null) m = m with { Damage = damage };
        state.Manifest = m;
        if (!ReferenceEquals(m, known)) await IndexAsync(m); // events from another instance
        return m;
    }

    /// <summary>
    /// The seal's who and when and the archival reference it recorded, read from the signed manifest; a seal event that says otherwise, or a manifest
    /// that is missing, altered or unsigned, flags the case damaged.
    /// </summary>
    private async Task<CaseManifest> WithSignedSealFactsAsync(CaseManifest m, CancellationToken ct)
    {
        var sha = m.SealedManifestSha256;
        var bytes = sha is null ? null : await Store.GetAsync(StoreArea.Vault, CaseKeys.SealedManifest(m.CaseId, sha), ct);
        var sig = sha is null ? null : await Store.GetAsync(StoreArea.Vault, CaseKeys.SealedSignature(m.CaseId, sha), ct);
        if (bytes is null || sig is null) return m with { Damage = "the signed manifest of the seal is missing" };
        if (ContentDigest.Sha256Hex(bytes) != sha) return m with { Damage = "the sealed manifest differs from the hash in the seal event" };
        bool signed;
        try { signed = Signer.Verify(bytes, Convert.FromBase64String(Encoding.ASCII.GetString(sig).Trim())); }
        catch (FormatException) { signed = false; }
        if (!signed) return m with { Damage = $"the sealed manifest's signature does not verify with key {Signer.KeyId}" };
        SealedManifest signedManifest;
        try { signedManifest = ArchiveJson.Read<SealedManifest>(bytes, "sealed manifest"); }
        catch (JsonException) { return m with { Damage = "the sealed manifest is not readable" }; }
        var checkedCase = m with { SealedAt = signedManifest.SealedAt, SealedBy = signedManifest.SealedBy, SealedReference = signedManifest.ArchivalReference };
        return m.SealedAt == signedManifest.SealedAt && m.SealedBy == signedManifest.SealedBy
            ? checkedCase
            : checkedCase with { Damage = "the seal event's actor or time differs from the signed manifest" };
    }

    private async Task WriteSnapshotAsync(CaseManifest m, CancellationToken ct)
    {
        try
        {
            await Store.PutAsync(StoreArea.Journal, CaseKeys.CurrentManifest(m.CaseId), ArchiveJson.Bytes(m), ct);
        }
        catch (ArchiveStorageException)
        {
            // The snapshot is a convenience copy; the event log is the record and is already written.
        }
    }

    private async Task IndexAsync(CaseManifest m)
    {
        if (Index is null) return;
        try
        {
            // Not cancelled with the request: the change is committed, so its index row should be too.
            await Index.UpdateAsync(m, this, CancellationToken.None);
        }
        catch (Exception e)
        {
            IndexFailed?.Invoke(m.CaseId, e);
        }
    }

    /// <summary>Removes objects an upload wrote if no entry lists them after all (called with the case gate held).</summary>
    private async Task RemoveIfUnlistedAsync(string caseId, CaseState state, IReadOnlyList<string> keys)
    {
        try
        {
            var m = await RefreshAsync(caseId, state, CancellationToken.None);
            foreach (var key in keys)
                if (m.Documents.All(d => d.Key != key)) await Store.DeleteAsync(StoreArea.Vault, key);
        }
        catch (Exception e) when (e is ArchiveStorageException or ArchiveCorruptException or IOException)
        {
            // Best effort: repair before sealing records what is left as unreferenced.
        }
    }

    private async Task DeleteQuietlyAsync(string key)
    {
        try { await Store.DeleteAsync(StoreArea.Vault, key); }
        catch (Exception e) when (e is ArchiveStorageException or IOException) { }
    }

    private ArchiveEvent NextEvent(CaseManifest m, string type, string actor) =>
        new() { Seq = m.Seq + 1, Type = type, At = Now(), Actor = actor, Prev = m.Head };

    private DateTimeOffset Now() => Clock.GetUtcNow();

    private CaseState StateOf(string caseId) => _cases.GetOrAdd(caseId, _ => new CaseState());
}

/// <summary>What a repair did: the case after it, the keys it recorded as unreferenced, temporary files removed.</summary>
public sealed record RepairResult(CaseManifest Case, IReadOnlyList<string> RecordedUnreferenced, int TempFilesRemoved);

/// <summary>A sealed case with the exact bytes that were signed and the signature.</summary>
public sealed record SealResult(CaseManifest Case, byte[] ManifestBytes, byte[] Signature);

/// <summary>One access-log line: who did what to the case, when.</summary>
public sealed record AccessLogEntry(DateTimeOffset At, string Actor, string Action);
