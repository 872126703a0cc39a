using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Api.Audit;
using FormArchive.Api.Work;
using FormArchive.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FormArchive.Tests.Api;

/// <summary>`formarchive keys` as a process, and the pieces of access control without HTTP.</summary>
public class KeysCliTests
{
    private static (int Code, string Output) Cli(string data, params string[] args) =>
        ExternalTool.Run("env", [$"FORMARCHIVE_DATA={data}", "dotnet", Path.Combine(AppContext.BaseDirectory, "formarchive.dll"), .. args]);

    [Fact]
    public void Keys_add_list_revoke_store_only_hashes()
    {
        var data = Directory.CreateTempSubdirectory("formarchive-keys-").FullName;
        var (code, output) = Cli(data, "keys", "add", "--name", "王五", "--role", "clerk", "--township", "秋浦街道");
        Assert.True(code == 0, output);
        var secret = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("fa_"));

        var store = ApiKeyStore.ForDataDirectory(data);
        var key = store.Find(secret);
        Assert.NotNull(key);
        Assert.Equal(Role.Clerk, key.Role);
        Assert.Equal("秋浦街道", key.Township);
        Assert.DoesNotContain(secret, File.ReadAllText(Path.Combine(data, "access.db"), System.Text.Encoding.Latin1));

        (code, output) = Cli(data, "keys", "list");
        Assert.Equal(0, code);
        Assert.Contains(key.Id, output);
        Assert.DoesNotContain(secret, output);

        (code, output) = Cli(data, "keys", "revoke", key.Id);
        Assert.True(code == 0, output);
        Assert.Null(store.Find(secret));

        (code, output) = Cli(data, "keys", "add", "--name", "x", "--role", "clerk");
        Assert.Equal(2, code);
        Assert.StartsWith("formarchive: error:", output.Trim());
        (code, _) = Cli(data, "keys", "revoke", "nosuchkey");
        Assert.Equal(2, code);
    }

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

    [Fact]
    public async Task The_work_gate_admits_a_bounded_number_and_refuses_the_rest()
    {
        var gate = new WorkGate(maxConcurrent: 1, maxQueued: 1, maxWait: TimeSpan.FromMilliseconds(200));
        var first = await gate.TryEnterAsync(CancellationToken.None);
        Assert.NotNull(first);
        var queued = gate.TryEnterAsync(CancellationToken.None);     // waits in the one queue place
        Assert.Null(await gate.TryEnterAsync(CancellationToken.None)); // queue full: refused at once
        first.Dispose();
        var second = await queued;
        Assert.NotNull(second);
        Assert.Null(await gate.TryEnterAsync(CancellationToken.None)); // waited 200 ms, still busy
        second.Dispose();
        Assert.NotNull(await gate.TryEnterAsync(CancellationToken.None));
    }
}
