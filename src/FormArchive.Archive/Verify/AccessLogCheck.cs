using System.Text.Json;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Verify;

/// <summary>
/// DA/T 70 4.3 "访问日志齐全". Sealing writes its own access entry, so "the log has an entry" passed for every
/// sealed case whatever was lost. The check asks instead: is every entry readable, and does a sealed case's log
/// still hold the entry of its sealing — by the clerk the signed manifest names, no later than the seal?
/// </summary>
internal static class AccessLogCheck
{
    public const string Name = "访问日志齐全";
    public const string Subject = "访问日志";

    /// <param name="sealedBy">Who sealed the case and when (from the signed manifest, or the seal event); null for an open case.</param>
    public static async Task<CheckResult> RunAsync(IArchiveStore store, string caseId, (string By, DateTimeOffset At)? sealedBy, CancellationToken ct)
    {
        var entries = new List<AccessLogEntry>();
        var unreadable = 0;
        foreach (var item in await store.ListAsync(StoreArea.Journal, CaseKeys.Access(caseId), ct))
        {
            try
            {
                if (await store.GetAsync(StoreArea.Journal, item.Key, ct) is { } bytes) entries.Add(ArchiveJson.Read<AccessLogEntry>(bytes, item.Key));
                else unreadable++;
            }
            catch (Exception e) when (e is JsonException or ArchiveCorruptException) { unreadable++; }
        }

        var sealEntry = sealedBy is { } s && entries.Any(e => e.Action == "seal" && e.Actor == s.By && e.At <= s.At);
        var ok = unreadable == 0 && (sealedBy is null || sealEntry);
        var detail = (entries.Count, unreadable) switch
        {
            (0, 0) when sealedBy is not null => "没有访问日志",
            (0, 0) => "案卷未封存，尚无访问记录",
            (_, > 0) => $"{unreadable} 条记录无法读取",
            _ when sealedBy is not null && !sealEntry => $"共 {entries.Count} 条记录，缺少封存时的记录",
            _ when sealedBy is not null => $"共 {entries.Count} 条记录，含封存时的记录",
            _ => $"共 {entries.Count} 条记录",
        };
        return new CheckResult(Dat70Item.ProcessSecurity, Name, Subject, ok, detail);
    }
}
