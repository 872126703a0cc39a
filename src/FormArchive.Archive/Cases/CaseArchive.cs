using System.Collections.Concurrent;
using System.Text;
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

    /// <summary>Called when updating <see cref="Index"/> failed (the change itself stands; reindex repairs).</summary>
    public event Action<string, Exception>? IndexFailed;

    private sealed class CaseState
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public CaseManifest? Manifest;
    }

    public async Task<CaseManifest> OpenCaseAsync(CaseMetadata metadata, string clerk, CancellationToken ct = default)
    {
        var caseId = CaseKeys.CheckId(metadata.CaseId);
        var state = StateOf(caseId);
        await state.Gate.WaitAsync(ct);
        try
        {
            var ev = new CaseEvent { Seq = 1, Type = CaseEvent.Opened, At = Now(), Actor = clerk, Metadata = metadata };
            var bytes = ArchiveJson.Bytes(ev);
            if (!await Store.TryCreateAsync(StoreArea.Journal, CaseKeys.Event(caseId, 1), bytes, ct))
                throw new CaseExistsException(caseId);
            state.Manifest = CaseManifest.Apply(null, ev, ContentDigest.Sha256Hex(bytes));
            await WriteSnapshotAsync(state.Manifest, ct);
            await IndexAsync(state.Manifest);
            return state.Manifest;
        }
        finally
        {
            state.Gate.Release();
        }
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
        AppendAsync(metadata.CaseId, m => m.Sealed
            ? throw new CaseSealedException(m.CaseId)
            : NextEvent(m, CaseEvent.MetadataChanged, clerk) with { Metadata = metadata with { CaseId = m.CaseId } }, ct);

    /// <summary>Files one document; returns its manifest entry with its 件号.</summary>
    public async Task<DocumentEntry> AddDocumentAsync(string caseId, DocumentUpload upload, string clerk, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(upload.Title)) throw new ArgumentException("a document needs a title", nameof(upload));
        if (upload.Content is not { Length: > 0 }) throw new ArgumentException("a document needs content", nameof(upload));
        if ((await GetManifestAsync(caseId, ct)).Sealed) throw new CaseSealedException(caseId);

        var digest = ContentDigest.Of(upload.Content);
        var key = CaseKeys.Object(caseId, digest.Sha256);
        bool created = await Store.TryCreateAsync(StoreArea.Vault, key, upload.Content, ct);
        var entry = new DocumentEntry
        {
            Title = upload.Title.Trim(),
            ResponsibleParty = upload.ResponsibleParty,
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
        };
        try
        {
            var m = await AppendAsync(caseId, m =>
            {
                if (m.Sealed) throw new CaseSealedException(caseId);
                return NextEvent(m, CaseEvent.DocumentAdded, clerk) with { Document = entry };
            }, ct);
            return m.Documents[^1];
        }
        catch when (created)
        {
            await RemoveIfUnreferencedAsync(caseId, key, digest.Sha256);
            throw;
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
    /// Seals the case: writes the signed manifest to the vault, appends the seal event (after which every
    /// write is refused), then puts the case's vault objects under retention.
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
                if (m.Sealed) throw new CaseSealedException(caseId);
                var at = Now();
                var manifest = new SealedManifest
                {
                    CaseId = caseId,
                    Metadata = m.Metadata,
                    Documents = m.Documents,
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
                await Store.TryCreateAsync(StoreArea.Vault, CaseKeys.SealedSignature(caseId, sha), Encoding.ASCII.GetBytes(Convert.ToBase64String(signature)), ct);
                var ev = NextEvent(m, CaseEvent.Sealed, clerk) with { At = at, SealedManifest = sha };
                var next = await TryAppendAsync(caseId, state, m, ev, ct);
                if (next is not null)
                {
                    sealedCase = next;
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
        var until = Retention.Until(sealedCase.SealedAt!.Value);
        var keys = sealedCase.Documents.Select(d => d.Key).Distinct()
            .Append(CaseKeys.SealedManifest(caseId, sealedCase.SealedManifestSha256!))
            .Append(CaseKeys.SealedSignature(caseId, sealedCase.SealedManifestSha256!));
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (key, c) => await Store.RetainAsync(key, Retention, until, c));
        await LogAccessAsync(caseId, "seal", clerk, ct);
        return new SealResult(sealedCase, manifestBytes, signature);
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
    public async Task<CaseManifest> OpenSupplementAsync(string caseId, string clerk, CancellationToken ct = default)
    {
        var m = await GetManifestAsync(caseId, ct);
        if (!m.Sealed) throw new InvalidOperationException($"case {caseId} is not sealed; file corrections in it directly");
        var root = m.Metadata.SupplementOf ?? caseId;
        for (int volume = 2; ; volume++)
        {
            var id = CaseKeys.VolumeId(root, volume);
            try
            {
                return await OpenCaseAsync(m.Metadata with { CaseId = id, SupplementOf = root, Volume = volume, Status = m.Metadata.Status }, clerk, ct);
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

    private async Task<CaseManifest> AppendAsync(string caseId, Func<CaseManifest, CaseEvent> make, CancellationToken ct)
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
    private async Task<CaseManifest?> TryAppendAsync(string caseId, CaseState state, CaseManifest m, CaseEvent ev, CancellationToken ct)
    {
        var bytes = ArchiveJson.Bytes(ev);
        if (!await Store.TryCreateAsync(StoreArea.Journal, CaseKeys.Event(caseId, ev.Seq), bytes, ct)) return null;
        state.Manifest = CaseManifest.Apply(m, ev, ContentDigest.Sha256Hex(bytes));
        await WriteSnapshotAsync(state.Manifest, ct);
        await IndexAsync(state.Manifest);
        return state.Manifest;
    }

    /// <summary>Folds in events beyond what this instance has seen, checking sequence and hash chain.</summary>
    private async Task<CaseManifest> RefreshAsync(string caseId, CaseState state, CancellationToken ct)
    {
        var m = state.Manifest;
        foreach (var item in await Store.ListAsync(StoreArea.Journal, CaseKeys.Events(caseId), ct))
        {
            if (CaseKeys.SeqOf(item.Key) is not { } seq || seq <= (m?.Seq ?? 0)) continue;
            if (seq != (m?.Seq ?? 0) + 1) throw new ArchiveCorruptException($"case {caseId}: event {(m?.Seq ?? 0) + 1} is missing");
            var bytes = await Store.GetAsync(StoreArea.Journal, item.Key, ct) ?? throw new ArchiveCorruptException($"case {caseId}: event {seq} vanished");
            var ev = ArchiveJson.Read<CaseEvent>(bytes, item.Key);
            if (ev.Seq != seq || ev.Prev != m?.Head) throw new ArchiveCorruptException($"case {caseId}: event {seq} does not continue the log");
            m = CaseManifest.Apply(m, ev, ContentDigest.Sha256Hex(bytes));
        }
        var known = state.Manifest;
        state.Manifest = m ?? throw new CaseNotFoundException(caseId);
        if (!ReferenceEquals(m, known)) await IndexAsync(m); // events from another instance
        return m;
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
            await Index.UpdateAsync(m, CancellationToken.None);
        }
        catch (Exception e)
        {
            IndexFailed?.Invoke(m.CaseId, e);
        }
    }

    private async Task RemoveIfUnreferencedAsync(string caseId, string key, string sha256)
    {
        try
        {
            var m = await GetManifestAsync(caseId);
            if (m.Documents.All(d => d.Sha256 != sha256)) await Store.DeleteAsync(StoreArea.Vault, key);
        }
        catch (Exception e) when (e is ArchiveStorageException or ArchiveCorruptException or IOException)
        {
            // Best effort: verify reports an object no entry lists.
        }
    }

    private async Task DeleteQuietlyAsync(string key)
    {
        try { await Store.DeleteAsync(StoreArea.Vault, key); }
        catch (Exception e) when (e is ArchiveStorageException or IOException) { }
    }

    private CaseEvent NextEvent(CaseManifest m, string type, string actor) =>
        new() { Seq = m.Seq + 1, Type = type, At = Now(), Actor = actor, Prev = m.Head };

    private DateTimeOffset Now() => Clock.GetUtcNow();

    private CaseState StateOf(string caseId) => _cases.GetOrAdd(caseId, _ => new CaseState());
}

/// <summary>A sealed case with the exact bytes that were signed and the signature.</summary>
public sealed record SealResult(CaseManifest Case, byte[] ManifestBytes, byte[] Signature);

/// <summary>One access-log line: who did what to the case, when.</summary>
public sealed record AccessLogEntry(DateTimeOffset At, string Actor, string Action);
