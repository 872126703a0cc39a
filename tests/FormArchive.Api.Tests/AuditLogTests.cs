using FormArchive.Api.Access;
using FormArchive.Api.Audit;
using FormArchive.Archive.Access;
using Microsoft.Data.Sqlite;

namespace FormArchive.Tests.Api;

/// <summary>The audit log's table itself, without HTTP: append-only in SQLite, ID numbers masked on the way in.</summary>
public class AuditLogTests
{
    [Fact]
    public void The_audit_log_refuses_updates_and_deletes_and_masks_id_numbers()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("formarchive-audit-").FullName, "audit.db");
        var log = new AuditLog(path);
        var caller = new Caller(new ApiKey { Id = "k1", Name = "王五", Role = Role.Archivist }, "127.0.0.1");
        log.Record(caller, "case.search", null, "idNumber=110105194912310029", 200);
        Assert.Equal("idNumber=110105********0029", log.Read().Single().Detail);

        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        foreach (var sql in new[] { "UPDATE audit SET detail = 'x'", "DELETE FROM audit" })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery());
        }
        Assert.Single(log.Read());
    }
}
