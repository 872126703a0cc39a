using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Archive.Access;
using FormArchive.Archive.Storage;
using Microsoft.Data.Sqlite;

namespace FormArchive.Tests.Api;

/// <summary>
/// The audit chain anchored in the archive store: the downgrade attack (triggers dropped, every hash nulled, rows
/// rewritten), a cut-off tail, and ID numbers in any field of an entry.
/// </summary>
public class AuditAnchorTests
{
    private static readonly Caller Archivist = new(new ApiKey { Id = "k1", Name = "王五", Role = Role.Archivist }, "127.0.0.1");

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static (AuditLog Log, string Path, AuditAnchors Anchors) LogWith(int entries, int anchorEvery = 100, ManualClock? clock = null)
    {
        var folder = Directory.CreateTempSubdirectory("formarchive-audit-anchors-").FullName;
        var anchors = new AuditAnchors(new LocalArchiveStore(Path.Combine(folder, "archive")), "main", anchorEvery, TimeSpan.FromMinutes(10), clock);
        var path = Path.Combine(folder, "audit.db");
        var log = new AuditLog(path, anchors);
        for (int i = 1; i <= entries; i++) log.Record(Archivist, "case.read", $"C-{i}", $"entry {i}", 200);
        return (log, path, anchors);
    }

    [Fact]
    public void Nulling_every_hash_and_rewriting_the_rows_is_a_break_not_an_unchained_log()
    {
        var (log, path, anchors) = LogWith(5);
        Assert.True(log.Verify().Intact);
        Assert.Equal(1, anchors.Read().Single().Seq); // the chain's start is anchored at once
        AuditChainTests.Tamper(path, "UPDATE audit SET hash = NULL, detail = 'rewritten', actor = 'nobody'");
        var v = new AuditLog(path, anchors).Verify();
        Assert.False(v.Intact);
        Assert.Equal(1, v.BrokenAt);
        Assert.Equal(0, v.Unchained);
    }

    [Fact]
    public void Cutting_off_the_newest_entries_is_found_by_the_last_anchor()
    {
        var (log, path, anchors) = LogWith(6, anchorEvery: 2);
        Assert.Equal([1L, 3L, 5L], anchors.Read().Select(a => a.Seq));
        Assert.True(log.Verify().Intact);
        AuditChainTests.Tamper(path, "DELETE FROM audit WHERE seq >= 5");
        var v = new AuditLog(path, anchors).Verify();
        Assert.False(v.Intact);
        Assert.Contains("anchor of entry 5", v.Problem);
    }

    [Fact]
    public void A_rewritten_chain_recomputed_end_to_end_still_differs_from_its_anchor()
    {
        var (_, path, anchors) = LogWith(3);
        // Rewrite entry 1 and recompute every hash after it, as an attacker with the file and the code could.
        var rewritten = new AuditLog(Path.Combine(Path.GetDirectoryName(path)!, "forged.db"));
        for (int i = 1; i <= 3; i++) rewritten.Record(Archivist, "case.read", $"C-{i}", i == 1 ? "nothing happened" : $"entry {i}", 200);
        File.Copy(Path.Combine(Path.GetDirectoryName(path)!, "forged.db"), path, overwrite: true);
        var v = new AuditLog(path, anchors).Verify();
        Assert.False(v.Intact);
        Assert.Contains("differs from its anchor", v.Problem);
    }

    [Fact]
    public void An_anchor_is_also_written_when_the_interval_has_passed()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var (log, _, anchors) = LogWith(3, anchorEvery: 100, clock);
        Assert.Single(anchors.Read());
        clock.Now += TimeSpan.FromMinutes(11);
        log.Record(Archivist, "case.read", "C-4", "entry 4", 200);
        Assert.Equal([1L, 4L], anchors.Read().Select(a => a.Seq));
    }

    [Fact]
    public void Id_numbers_are_masked_in_every_field_including_the_case_id()
    {
        var (log, path, _) = LogWith(0);
        const string id = "110105194912310029";
        var caller = new Caller(new ApiKey { Id = "k-" + id, Name = "经办人" + id, Role = Role.Clerk }, "127.0.0.1");
        log.Record(caller, "case.read", id, $"GET /api/cases/{id}", 404);
        var entry = log.Read().Single();
        Assert.Equal("110105********0029", entry.CaseId);
        Assert.DoesNotContain(id, entry.Detail + entry.Actor + entry.KeyId);
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq || at || key_id || actor || role || remote || action || case_id || detail FROM audit";
        Assert.DoesNotContain(id, (string)cmd.ExecuteScalar()!);
        Assert.Single(log.Read(caseId: id)); // filtering by the case id finds the masked entry
    }
}
