using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Archive.Access;
using Microsoft.Data.Sqlite;

namespace FormArchive.Tests.Api;

/// <summary>
/// The audit log's hash chain against tampering done behind the service's back: the triggers dropped with
/// the sqlite3 library and rows edited or deleted, as someone with the file could.
/// </summary>
public class AuditChainTests
{
    private static readonly Caller Archivist = new(new ApiKey { Id = "k1", Name = "王五", Role = Role.Archivist }, "127.0.0.1");

    private static (AuditLog Log, string Path) LogWith(int entries)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("formarchive-audit-").FullName, "audit.db");
        var log = new AuditLog(path);
        for (int i = 1; i <= entries; i++) log.Record(Archivist, "case.read", $"C-{i}", $"entry {i}", 200);
        return (log, path);
    }

    /// <summary>Edits the audit database behind the service's back: drops the append-only triggers, then runs <paramref name="sql"/>.</summary>
    internal static void Tamper(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; " + sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void An_untouched_log_verifies_and_its_head_is_the_newest_hash()
    {
        var (log, _) = LogWith(5);
        var v = log.Verify();
        Assert.True(v.Intact, v.Problem);
        Assert.Equal(5, v.Entries);
        Assert.Equal(0, v.Unchained);
        Assert.Matches("^[0-9a-f]{64}$", v.Head);
        log.Record(Archivist, "case.read", "C-6", "entry 6", 200);
        Assert.NotEqual(v.Head, log.Verify().Head);
    }

    [Theory]
    [InlineData("UPDATE audit SET detail = 'entry 3, nothing to see' WHERE seq = 3", 3L)]
    [InlineData("UPDATE audit SET status = 404 WHERE seq = 2", 2L)]
    [InlineData("UPDATE audit SET remote = '10.0.0.9' WHERE seq = 4", 4L)]
    [InlineData("DELETE FROM audit WHERE seq = 3", 3L)]
    [InlineData("DELETE FROM audit WHERE seq = 1", 2L)]
    [InlineData("UPDATE audit SET hash = NULL WHERE seq = 5", 5L)]
    public void Edits_and_deletions_behind_the_services_back_are_found(string sql, long brokenAt)
    {
        var (_, path) = LogWith(5);
        Tamper(path, sql);
        var v = new AuditLog(path).Verify(); // reopened: the schema puts the triggers back, the damage stays
        Assert.False(v.Intact);
        Assert.Equal(brokenAt, v.BrokenAt);
        Assert.Contains(brokenAt.ToString(), v.Problem);
    }

    [Fact]
    public void Entries_written_before_the_chain_count_as_unchained_and_the_chain_starts_after_them()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("formarchive-audit-").FullName, "audit.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // The table as the service created it before the chain (no hash column), with two entries.
            cmd.CommandText = """
                CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, key_id TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
                    remote TEXT, action TEXT NOT NULL, case_id TEXT, detail TEXT NOT NULL, status INTEGER NOT NULL);
                INSERT INTO audit (at, key_id, actor, role, action, detail, status) VALUES
                    ('2026-11-01T00:00:00.0000000+00:00', 'k0', 'a', 'admin', 'keys.add', '', 201),
                    ('2026-11-01T00:00:01.0000000+00:00', 'k0', 'a', 'admin', 'keys.add', '', 201);
                """;
            cmd.ExecuteNonQuery();
        }
        var log = new AuditLog(path);
        log.Record(Archivist, "case.read", "C-1", "", 200);
        log.Record(Archivist, "case.read", "C-2", "", 200);
        var v = log.Verify();
        Assert.True(v.Intact, v.Problem);
        Assert.Equal((4L, 2L), (v.Entries, v.Unchained));
        Assert.Equal(3, log.Read().Count(e => e.Seq >= 2)); // old rows read as before
    }

    [Fact]
    public async Task Writers_in_parallel_keep_one_unbroken_chain()
    {
        var (log, _) = LogWith(0);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (int i = 0; i < 25; i++) log.Record(Archivist, "case.read", $"C-{t}-{i}", "", 200);
        })));
        var v = log.Verify();
        Assert.True(v.Intact, v.Problem);
        Assert.Equal(200, v.Entries);
    }
}
