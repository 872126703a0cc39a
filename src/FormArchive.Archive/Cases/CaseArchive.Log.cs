using System.Text.Json;
using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Cases;

// The case log: reading a case from its events (hash chain checked), appending the next event under the case gate, the snapshot and the index kept in step.
public sealed partial class CaseArchive
{
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

    /// <summary>Ids of every case in the store (for reindexing).</summary>
    public async Task<IReadOnlyList<string>> ListCaseIdsAsync(CancellationToken ct = default)
    {
        var first = "/events/" + 1L.ToString("D8") + ".json";
        return (await Store.ListAsync(StoreArea.Journal, CaseKeys.Root, ct))
            .Where(i => i.Key.EndsWith(first, StringComparison.Ordinal))
            .Select(i => i.Key[CaseKeys.Root.Length..^first.Length])
            .ToList();
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

    private ArchiveEvent NextEvent(CaseManifest m, string type, string actor) =>
        new() { Seq = m.Seq + 1, Type = type, At = Now(), Actor = actor, Prev = m.Head };
}
