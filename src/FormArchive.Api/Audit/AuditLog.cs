using FormArchive.Archive;
using System.Globalization;
using System.Text.RegularExpressions;
using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Domain;
using Microsoft.Data.Sqlite;

namespace FormArchive.Api.Audit;

/// <summary>
/// The service's audit log (data/audit.db): every read or write of a case, append-only — SQLite triggers
/// refuse UPDATE and DELETE, so the service itself cannot rewrite history. Anything that looks like an
/// ID number is masked before it is written (110105********0029).
/// </summary>
public sealed partial class AuditLog
{
    private readonly SqliteFile _db;

    public AuditLog(string path)
    {
        _db = new SqliteFile(path, () => Schema);
    }

    public string Path => _db.Path;

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|(?<![0-9])[0-9]{15}(?![0-9])")]
    private static partial Regex IdLike();

    /// <summary>Masks every 15- or 18-character ID-number-like run in <paramref name="text"/>.</summary>
    public static string MaskIdNumbers(string text) => IdLike().Replace(text, m => IdNumberMasking.Mask(m.Value));

    public void Record(Caller caller, string action, string? caseId, string detail, int status)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO audit (at, key_id, actor, role, remote, action, case_id, detail, status) VALUES ($at, $key, $actor, $role, $remote, $action, $case, $detail, $status)";
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$key", caller.Key.Id);
        cmd.Parameters.AddWithValue("$actor", MaskIdNumbers(caller.Key.Name));
        cmd.Parameters.AddWithValue("$role", Roles.Name(caller.Key.Role));
        cmd.Parameters.AddWithValue("$remote", (object?)caller.RemoteAddress ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$action", action);
        cmd.Parameters.AddWithValue("$case", (object?)caseId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$detail", MaskIdNumbers(detail));
        cmd.Parameters.AddWithValue("$status", status);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Newest first; optionally one case only.</summary>
    public IReadOnlyList<AuditEntry> Read(string? caseId = null, int limit = 200)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq, at, key_id, actor, role, remote, action, case_id, detail, status FROM audit"
                          + (caseId is null ? "" : " WHERE case_id = $case") + " ORDER BY seq DESC LIMIT $limit";
        if (caseId is not null) cmd.Parameters.AddWithValue("$case", caseId);
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 10_000));
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
            list.Add(new AuditEntry
            {
                Seq = r.GetInt64(0),
                At = DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                KeyId = r.GetString(2),
                Actor = r.GetString(3),
                Role = r.GetString(4),
                RemoteAddress = r.IsDBNull(5) ? null : r.GetString(5),
                Action = r.GetString(6),
                CaseId = r.IsDBNull(7) ? null : r.GetString(7),
                Detail = r.GetString(8),
                Status = r.GetInt32(9),
            });
        return list;
    }

    public void Ping()
    {
        using var c = Open();
    }

    private SqliteConnection Open() => _db.Open();

    private const string Schema = """
            CREATE TABLE IF NOT EXISTS audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, key_id TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
                remote TEXT, action TEXT NOT NULL, case_id TEXT, detail TEXT NOT NULL, status INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS audit_case ON audit(case_id, seq);
            CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """;

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null) => SqliteFile.Exec(c, sql, tx);
}
