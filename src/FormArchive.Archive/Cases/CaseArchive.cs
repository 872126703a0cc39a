using System.Collections.Concurrent;
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
/// Its parts, one file each: the case log (CaseArchive.Log.cs), opening and filing (CaseArchive.Documents.cs),
/// sealing (CaseArchive.Seal.cs), crash repair (CaseArchive.Repair.cs), 补充卷 (CaseArchive.Volumes.cs) and the
/// access log (CaseArchive.AccessLog.cs).
/// </summary>
public sealed partial class CaseArchive
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

    private DateTimeOffset Now() => Clock.GetUtcNow();

    private CaseState StateOf(string caseId) => _cases.GetOrAdd(caseId, _ => new CaseState());
}
