using System.Globalization;
using System.Text.RegularExpressions;
using FormArchive.Api.Access;
using FormArchive.Archive.Access;
using FormArchive.Archive.Storage;
using FormArchive.Domain;
using Microsoft.Data.Sqlite;

namespace FormArchive.Api.Audit;

/// <summary>
/// The service's audit log (data/audit.db): every read or write of a case, append-only — SQLite triggers
/// refuse UPDATE and DELETE, so the service itself cannot rewrite history — and hash-chained: each entry
/// carries the SHA-256 of its content and the previous entry's hash, so that an edit or a deletion made
/// behind the service's back (triggers dropped, file patched) shows in <see cref="Verify"/>. Anything that
/// looks like an ID number is masked before it is written (110105********0029).
/// </summary>
public sealed partial class AuditLog
{
    private readonly SqliteFile _db;
    private readonly AuditAnchors? _anchors;

    /// <param name="anchors">Where the chain head is anchored (the archive store); null only in tests of the chain itself.</param>
    public AuditLog(string path, AuditAnchors? anchors = null)
    {
        _anchors = anchors;
        _db = new SqliteFile(path, () => Schema);
        using var c = Open();
        // Logs written before the chain existed get the column; their old rows stay unchained (Verify counts them).
        if (!HasHashColumn(c)) Exec(c, "ALTER TABLE audit ADD COLUMN hash TEXT;");
    }

    public string Path => _db.Path;

    private static string MaskIdNumbers(string text) => IdNumberMasking.MaskInText(text);

    public void Record(Caller caller, string action, string? caseId, string detail, int status)
    {
        // Every field masked: a case id, a key name or an action can carry an ID number as well as the detail can.
        var entry = new AuditEntry
        {
            At = DateTimeOffset.UtcNow, KeyId = MaskIdNumbers(caller.Key.Id), Actor = MaskIdNumbers(caller.Key.Name),
            Role = MaskIdNumbers(Roles.Name(caller.Key.Role)),
            RemoteAddress = caller.RemoteAddress is { } remote ? MaskIdNumbers(remote) : null, Action = MaskIdNumbers(action),
            CaseId = caseId is null ? null : MaskIdNumbers(caseId), Detail = MaskIdNumbers(detail), Status = status,
        };
        using var c = Open();
        // IMMEDIATE: the previous hash is read and the next entry written under one write lock, across threads and processes.
        using var tx = c.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
        using var last = c.CreateCommand();
        last.Transaction = tx;
        last.CommandText = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
        long seq = 1;
        string? previous = null;
        using (var r = last.ExecuteReader())
            if (r.Read()) (seq, previous) = (r.GetInt64(0) + 1, r.IsDBNull(1) ? null : r.GetString(1));
        entry = entry with { Seq = seq };
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO audit (seq, at, key_id, actor, role, remote, action, case_id, detail, status, hash) "
            + "VALUES ($seq, $at, $key, $actor, $role, $remote, $action, $case, $detail, $status, $hash)";
        cmd.Parameters.AddWithValue("$seq", seq);
        cmd.Parameters.AddWithValue("$at", entry.At.ToString("O", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$key", entry.KeyId);
        cmd.Parameters.AddWithValue("$actor", entry.Actor);
        cmd.Parameters.AddWithValue("$role", entry.Role);
        cmd.Parameters.AddWithValue("$remote", (object?)entry.RemoteAddress ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$action", entry.Action);
        cmd.Parameters.AddWithValue("$case", (object?)entry.CaseId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$detail", entry.Detail);
        cmd.Parameters.AddWithValue("$status", entry.Status);
        var hash = AuditChain.Hash(entry, previous);
        cmd.Parameters.AddWithValue("$hash", hash);
        cmd.ExecuteNonQuery();
        tx.Commit();
        _anchors?.AfterRecord(seq, hash);
    }

    /// <summary>
    /// Walks the whole log in order and recomputes the chain: the first entry whose content, hash or sequence
    /// number does not follow from what came before is reported. Entries without a hash are accepted only before
    /// the chain began (a log from before it existed): after the first chained or anchored entry, one is a break,
    /// so nulling every hash (a downgrade) does not pass. Each anchor in the archive store must match its entry,
    /// and an anchor beyond the newest entry means the newest entries were cut off.
    /// </summary>
    public AuditVerification Verify()
    {
        var anchors = (_anchors?.Read() ?? []).ToDictionary(a => a.Seq, a => a.Hash);
        long chainStart = anchors.Count > 0 ? anchors.Keys.Min() : long.MaxValue;
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq, at, key_id, actor, role, remote, action, case_id, detail, status, hash FROM audit ORDER BY seq";
        using var r = cmd.ExecuteReader();
        long count = 0, unchained = 0, expectedSeq = 0, lastSeq = 0;
        string? previous = null;
        while (r.Read())
        {
            var entry = ReadEntry(r);
            var stored = r.IsDBNull(10) ? null : r.GetString(10);
            count++;
            if (stored is null && previous is null && entry.Seq < chainStart)
            {
                unchained++; // written before the log was chained
                expectedSeq = entry.Seq + 1;
                lastSeq = entry.Seq;
                continue;
            }
            if (expectedSeq != 0 && entry.Seq != expectedSeq)
                return new AuditVerification(false, count - 1, unchained, previous, expectedSeq, $"entry {expectedSeq} is missing (next is {entry.Seq})");
            if (stored != AuditChain.Hash(entry, previous))
                return new AuditVerification(false, count - 1, unchained, previous, entry.Seq,
                    stored is null ? $"entry {entry.Seq} has no hash" : $"entry {entry.Seq} does not match its hash (changed, or the entry before it was)");
            if (anchors.TryGetValue(entry.Seq, out var anchored) && anchored != stored)
                return new AuditVerification(false, count - 1, unchained, previous, entry.Seq,
                    $"entry {entry.Seq} differs from its anchor in the archive store (the log was rewritten)");
            previous = stored;
            expectedSeq = entry.Seq + 1;
            lastSeq = entry.Seq;
        }
        if (anchors.Count > 0 && anchors.Keys.Max() > lastSeq)
            return new AuditVerification(false, count, unchained, previous, lastSeq + 1,
                $"entries after {lastSeq} are missing: the archive store holds an anchor of entry {anchors.Keys.Max()}");
        return new AuditVerification(true, count, unchained, previous, null, null) { Anchors = anchors.Count };
    }

    /// <summary>Newest first; optionally one case only.</summary>
    public IReadOnlyList<AuditEntry> Read(string? caseId = null, int limit = 200)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT seq, at, key_id, actor, role, remote, action, case_id, detail, status FROM audit"
                          + (caseId is null ? "" : " WHERE case_id = $case") + " ORDER BY seq DESC LIMIT $limit";
        if (caseId is not null) cmd.Parameters.AddWithValue("$case", MaskIdNumbers(caseId)); // stored masked
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 10_000));
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read()) list.Add(ReadEntry(r));
        return list;
    }

    private static AuditEntry ReadEntry(SqliteDataReader r) => new()
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
    };

    private static bool HasHashColumn(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM pragma_table_info('audit') WHERE name = 'hash'";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    public void Ping()
    {
        using var c = Open();
    }

    private SqliteConnection Open() => _db.Open();

    private const string Schema = """
            CREATE TABLE IF NOT EXISTS audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, key_id TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
                remote TEXT, action TEXT NOT NULL, case_id TEXT, detail TEXT NOT NULL, status INTEGER NOT NULL, hash TEXT);
            CREATE INDEX IF NOT EXISTS audit_case ON audit(case_id, seq);
            CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """;

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null) => SqliteFile.Exec(c, sql, tx);
}
