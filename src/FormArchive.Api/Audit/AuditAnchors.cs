using System.Globalization;
using System.Text.Json;
using FormArchive.Archive.Storage;

namespace FormArchive.Api.Audit;

/// <summary>One copy of the audit chain's head as it was: entry <see cref="Seq"/> had hash <see cref="Hash"/>.</summary>
public sealed record AuditAnchor(long Seq, string Hash, DateTimeOffset At);

/// <summary>
/// Write-once copies of the audit chain's head in the archive store's journal (audit/NAME/anchors/SEQ.json,
/// created only if absent), taken at the first chained entry and then every <c>everyEntries</c> entries or
/// <c>interval</c>, whichever comes first. Someone who can rewrite the SQLite file cannot rewrite these, so a
/// rewritten, downgraded (hashes nulled) or truncated log no longer matches its anchors.
/// </summary>
public sealed class AuditAnchors(IArchiveStore store, string logName = "main", int everyEntries = 100, TimeSpan? interval = null, TimeProvider? clock = null)
{
    private readonly object _lock = new();
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromMinutes(10);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private AuditAnchor? _last;
    private bool _loaded;

    public string Prefix { get; } = $"audit/{logName}/anchors/";

    /// <summary>Called after entry <paramref name="seq"/> is committed; writes an anchor when one is due.</summary>
    public void AfterRecord(long seq, string hash)
    {
        lock (_lock)
        {
            if (!_loaded)
            {
                // A store that is down must not turn the audited request (answered already) into a 500: read again with the next entry.
                try { _last = Read().LastOrDefault(); _loaded = true; }
                catch (Exception e) when (IsStoreFault(e)) { return; }
            }
            var now = _clock.GetUtcNow();
            if (_last is not null && seq - _last.Seq < everyEntries && now - _last.At < _interval) return;
            var anchor = new AuditAnchor(seq, hash, now);
            var key = Prefix + seq.ToString("D12", CultureInfo.InvariantCulture) + ".json";
            try
            {
                store.TryCreateAsync(StoreArea.Journal, key, JsonSerializer.SerializeToUtf8Bytes(anchor)).GetAwaiter().GetResult();
                _last = anchor;
            }
            catch (Exception e) when (IsStoreFault(e))
            {
                // The entry is committed; the anchor is retried with the next one rather than failing the request.
            }
        }
    }

    private static bool IsStoreFault(Exception e) => e is ArchiveStorageException or IOException or HttpRequestException or UnauthorizedAccessException;

    /// <summary>Every anchor, oldest first.</summary>
    public IReadOnlyList<AuditAnchor> Read()
    {
        var list = new List<AuditAnchor>();
        foreach (var item in store.ListAsync(StoreArea.Journal, Prefix).GetAwaiter().GetResult())
        {
            var bytes = store.GetAsync(StoreArea.Journal, item.Key).GetAwaiter().GetResult();
            if (bytes is null) continue;
            try { if (JsonSerializer.Deserialize<AuditAnchor>(bytes) is { } a) list.Add(a); }
            catch (JsonException) { list.Add(new AuditAnchor(long.Parse(item.Key[Prefix.Length..^5], CultureInfo.InvariantCulture), "unreadable", default)); }
        }
        return list.OrderBy(a => a.Seq).ToList();
    }
}
