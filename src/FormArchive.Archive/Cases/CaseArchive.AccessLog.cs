using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Cases;

// The access log, kept beside (not inside) the sealed record.
public sealed partial class CaseArchive
{
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
}

/// <summary>One access-log line: who did what to the case, when.</summary>
public sealed record AccessLogEntry(DateTimeOffset At, string Actor, string Action);
