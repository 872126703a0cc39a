using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Verify;

/// <summary>
/// One case's event log as the store holds it now, read directly (not through the archive's cache): the events
/// from the first that follow on each other (numbers continuous, each chained to the previous one's hash), their
/// fold, and what broke the log where it stops (in Chinese, as the report says it).
/// </summary>
public sealed record StoredEventLog(
    string CaseId, IReadOnlyList<ArchiveEvent> Events, IReadOnlyDictionary<long, string> Hashes, CaseManifest? Fold, IReadOnlyList<string> Problems)
{
    /// <summary>Reads every event of <paramref name="caseId"/> up to the first that does not continue the log.</summary>
    public static async Task<StoredEventLog> ReadAsync(IArchiveStore store, string caseId, CancellationToken ct)
    {
        var events = new List<ArchiveEvent>();
        var hashes = new Dictionary<long, string>();
        CaseManifest? fold = null;
        var problems = new List<string>();
        long expected = 1;
        foreach (var item in await store.ListAsync(StoreArea.Journal, CaseKeys.Events(caseId), ct))
        {
            if (CaseKeys.SeqOf(item.Key) is not { } seq) { problems.Add("多余的键 " + CaseVerifier.Short(item.Key)); continue; }
            if (seq != expected) { problems.Add($"第 {expected} 号事件缺失（下一条为第 {seq} 号）"); break; }
            var bytes = await store.GetAsync(StoreArea.Journal, item.Key, ct);
            try
            {
                var ev = ArchiveJson.Read<ArchiveEvent>(bytes ?? [], item.Key);
                if (ev.Seq != seq) { problems.Add($"第 {seq} 号事件自称第 {ev.Seq} 号"); break; }
                if (ev.Prev != fold?.Head) { problems.Add($"第 {seq} 号事件的哈希链未接上第 {seq - 1} 号事件"); break; }
                var hash = ContentDigest.Sha256Hex(bytes);
                fold = CaseManifest.Apply(fold, ev, hash);
                events.Add(ev);
                hashes[seq] = hash;
                expected++;
            }
            catch (Exception e) when (e is JsonException or ArchiveCorruptException)
            {
                problems.Add($"第 {seq} 号事件无法读取（格式错误）");
                break;
            }
        }
        return new StoredEventLog(caseId, events, hashes, fold, problems);
    }

    /// <summary>The log is whole: at least one event, and nothing broke it.</summary>
    public bool Whole => Problems.Count == 0 && Fold is not null;
}
