using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Cases;

// Repair after a crash: unlisted vault objects recorded as unreferenced, abandoned temporary files removed, retention applied again.
public sealed partial class CaseArchive
{
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
            var unlisted = Unlisted(m, stored);
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
            CheckListedObjects(caseId, m, stored);
            return new RepairResult(m, unlisted, temps);
        }
    }

    /// <summary>The vault keys of the case that no document lists and no earlier repair recorded.</summary>
    private static List<string> Unlisted(CaseManifest m, IReadOnlyList<StoredItem> stored)
    {
        var listed = m.Documents.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        return stored.Select(i => i.Key).Where(k => !listed.Contains(k) && !m.Unreferenced.Contains(k)).ToList();
    }

    /// <summary>Every listed document is stored at its SHA-256's address with its listed size; else the case is damaged.</summary>
    private static void CheckListedObjects(string caseId, CaseManifest m, IReadOnlyList<StoredItem> stored)
    {
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
    }

    private async Task<int> RemoveAbandonedTempFilesAsync(string caseId, CancellationToken ct) =>
        await Store.RemoveAbandonedTempFilesAsync(StoreArea.Vault, CaseKeys.Prefix(caseId), ct)
        + await Store.RemoveAbandonedTempFilesAsync(StoreArea.Journal, CaseKeys.Prefix(caseId), ct);
}

/// <summary>What a repair did: the case after it, the keys it recorded as unreferenced, temporary files removed.</summary>
public sealed record RepairResult(CaseManifest Case, IReadOnlyList<string> RecordedUnreferenced, int TempFilesRemoved);
