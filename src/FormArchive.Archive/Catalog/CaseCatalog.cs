using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FormArchive.Archive.Cases;
using FormArchive.Archive.Fonds;
using FormArchive.Archive.Storage;
using FormArchive.Domain;
using Microsoft.Data.Sqlite;

namespace FormArchive.Archive.Catalog;

/// <summary>
/// The catalog index (SQLite): finds cases by ID number, applicant, township/village, category, status
/// and dates. Derived data: the archive keeps it current through <see cref="ICaseIndex"/>, and
/// <see cref="ReindexAsync"/> rebuilds it from the store. The ID number is stored only as a keyed hash
/// (<see cref="IdNumberLookup"/>) for exact lookup and masked for display.
/// Connections are not pooled, so deleting the file (to rebuild it) is never defeated by a pooled handle.
/// </summary>
public sealed class CaseCatalog : ICaseIndex
{
    private const string Columns =
        "case_id, seq, title, applicant_name, id_hash, id_masked, township, village, category, stage, sealed, opened_on, closed_on, sealed_at, "
        + "sealed_on, volume, supplement_of, documents, file_number, case_stage, next_due, archival_code, agency, reference_sealed";

    private readonly SqliteFile _db;
    private readonly IdNumberLookup _lookup;
    private readonly ICatalogStageSource? _standing;
    private readonly FondsRegistry _fonds;

    /// <param name="standing">Derives each case's stage and next due date; without it those columns stay empty.</param>
    /// <param name="fonds">
    /// The fonds settings the 档号 of an open case is made from (a sealed case's is the one its seal signed); the
    /// archive's own (<see cref="CaseArchive.Fonds"/>), so that search results and covers agree.
    /// </param>
    public CaseCatalog(string path, IdNumberLookup lookup, ICatalogStageSource? standing = null, FondsRegistry? fonds = null)
    {
        _lookup = lookup;
        _standing = standing;
        _fonds = fonds ?? FondsRegistry.Embedded;
        _db = new SqliteFile(path, () => Schema("cases") + (_migrated ? Indexes : ""));
        using var c = Open();
        // Catalogs from before file numbers, stages and 档号 get the columns (reindex fills them); then the indexes, which use them.
        foreach (var column in new[] { "file_number", "case_stage", "next_due", "archival_code", "agency", "reference_sealed" })
        {
            using var probe = c.CreateCommand();
            probe.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('cases') WHERE name = '{column}'";
            if (Convert.ToInt64(probe.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                Exec(c, $"ALTER TABLE cases ADD COLUMN {column} {(column == "reference_sealed" ? "INTEGER" : "TEXT")};");
        }
        Exec(c, Indexes);
        _migrated = true;
    }

    private bool _migrated;

    public string Path => _db.Path;

    /// <summary>Records the case's current state unless the catalog already holds a later one.</summary>
    public async Task UpdateAsync(CaseManifest m, CaseArchive archive, CancellationToken ct = default)
    {
        var standing = await StandingAsync(m, archive, ct);
        using var c = Open();
        Upsert(c, "cases", m, standing, null);
    }

    private async Task<CatalogStage> StandingAsync(CaseManifest m, CaseArchive archive, CancellationToken ct) =>
        _standing is null ? CatalogStage.None : await _standing.OfAsync(m, archive, ct);

    public IReadOnlyList<CatalogEntry> Search(CatalogQuery q)
    {
        var where = new List<string>();
        using var c = Open();
        using var cmd = c.CreateCommand();
        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            cmd.Parameters.AddWithValue(name, value);
        }
        if (!string.IsNullOrWhiteSpace(q.IdNumber)) Add("id_hash = $id", "$id", _lookup.Hash(q.IdNumber)!);
        if (!string.IsNullOrWhiteSpace(q.ApplicantName)) Add(@"applicant_name LIKE $name ESCAPE '\'", "$name", Contains(q.ApplicantName));
        if (!string.IsNullOrWhiteSpace(q.Township)) Add(@"township LIKE $township ESCAPE '\'", "$township", Contains(q.Township));
        if (!string.IsNullOrWhiteSpace(q.Village)) Add(@"village LIKE $village ESCAPE '\'", "$village", Contains(q.Village));
        if (!string.IsNullOrWhiteSpace(q.Category)) Add("category = $category", "$category", q.Category.Trim());
        if (!string.IsNullOrWhiteSpace(q.FileNumber)) Add("file_number = $file_number", "$file_number", q.FileNumber.Trim());
        if (!string.IsNullOrWhiteSpace(q.Stage)) Add("stage = $stage", "$stage", q.Stage.Trim());
        if (!string.IsNullOrWhiteSpace(q.CaseStage)) Add("case_stage = $case_stage", "$case_stage", q.CaseStage.Trim());
        if (q.DueBefore is { } due) Add("next_due < $due", "$due", Day(due));
        // Where a case stands is where its latest volume stands (a 补充卷 continues the log of the sealed ones).
        if (!string.IsNullOrWhiteSpace(q.CaseStage) || q.DueBefore is not null)
            where.Add("NOT EXISTS (SELECT 1 FROM cases later WHERE later.supplement_of = COALESCE(cases.supplement_of, cases.case_id) " +
                      "AND later.volume > cases.volume AND later.township = cases.township)");
        if (q.Status is { } s) Add("sealed = $sealed", "$sealed", s == SealState.Sealed ? 1 : 0);
        if (q.OpenedFrom is { } of) Add("opened_on >= $of", "$of", Day(of));
        if (q.OpenedTo is { } ot) Add("opened_on <= $ot", "$ot", Day(ot));
        if (q.SealedFrom is { } sf) Add("sealed_on >= $sf", "$sf", Day(sf));
        if (q.SealedTo is { } st) Add("sealed_on <= $st", "$st", Day(st));
        cmd.CommandText = $"SELECT {Columns} FROM cases" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
                          + " ORDER BY opened_on DESC, case_id LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(q.Limit, 1, 10_000));
        var list = new List<CatalogEntry>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(Read(r));
        return list;
    }

    public int Count()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM cases";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Drops the index and rebuilds it from every case in the store. The new rows go to a side table that
    /// replaces the old one in a single transaction, so searches meanwhile see the old index, not an empty one.
    /// </summary>
    public async Task<ReindexResult> ReindexAsync(CaseArchive archive, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var ids = await archive.ListCaseIdsAsync(ct);
        var manifests = new ConcurrentBag<(CaseManifest Case, CatalogStage Standing)>();
        var unreadable = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, c) =>
        {
            try
            {
                var m = await archive.GetManifestAsync(id, c);
                manifests.Add((m, await StandingAsync(m, archive, c)));
            }
            catch (ArchiveCorruptException) { unreadable.Add(id); }
        });

        using var conn = Open();
        using var tx = conn.BeginTransaction();
        Exec(conn, "DROP TABLE IF EXISTS cases_new;", tx);
        Exec(conn, Schema("cases_new"), tx);
        foreach (var (m, standing) in manifests) Upsert(conn, "cases_new", m, standing, tx);
        Exec(conn, "DROP TABLE cases; ALTER TABLE cases_new RENAME TO cases;", tx);
        Exec(conn, Indexes, tx);
        tx.Commit();
        int sealedCount = manifests.Count(m => m.Case.Sealed);
        return new ReindexResult(manifests.Count, sealedCount, manifests.Count - sealedCount, unreadable.Order(StringComparer.Ordinal).ToList(), watch.Elapsed);
    }

    private SqliteConnection Open() => _db.Open();

    private static string Schema(string table) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            case_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, title TEXT NOT NULL, applicant_name TEXT NOT NULL,
            id_hash TEXT, id_masked TEXT NOT NULL, township TEXT NOT NULL, village TEXT NOT NULL, category TEXT NOT NULL,
            stage TEXT NOT NULL, sealed INTEGER NOT NULL, opened_on TEXT, closed_on TEXT, sealed_at TEXT, sealed_on TEXT,
            volume INTEGER NOT NULL, supplement_of TEXT, documents INTEGER NOT NULL, file_number TEXT,
            case_stage TEXT, next_due TEXT, archival_code TEXT, agency TEXT, reference_sealed INTEGER);
        """;

    private const string Indexes = """
        CREATE INDEX IF NOT EXISTS cases_id_hash ON cases(id_hash);
        CREATE INDEX IF NOT EXISTS cases_applicant ON cases(applicant_name);
        CREATE INDEX IF NOT EXISTS cases_place ON cases(township, village);
        CREATE INDEX IF NOT EXISTS cases_category ON cases(category, sealed);
        CREATE INDEX IF NOT EXISTS cases_opened ON cases(opened_on);
        CREATE INDEX IF NOT EXISTS cases_sealed_on ON cases(sealed_on);
        CREATE INDEX IF NOT EXISTS cases_file_number ON cases(township, file_number);
        CREATE INDEX IF NOT EXISTS cases_case_stage ON cases(township, case_stage);
        CREATE INDEX IF NOT EXISTS cases_next_due ON cases(next_due);
        CREATE INDEX IF NOT EXISTS cases_supplement_of ON cases(supplement_of, volume);
        """;

    private void Upsert(SqliteConnection c, string table, CaseManifest m, CatalogStage standing, SqliteTransaction? tx)
    {
        var meta = m.Metadata;
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        var names = Columns.Split(", ");
        // Without a standing source (a tool that does not know the stage rules) the stage columns are left as they are.
        var updates = string.Join(", ", names.Skip(1)
            .Where(n => _standing is not null || n is not ("case_stage" or "next_due"))
            .Select(n => $"{n} = excluded.{n}"));
        cmd.CommandText = $"INSERT INTO {table} ({Columns}) VALUES ({string.Join(", ", names.Select(n => "$" + n))}) " +
                          $"ON CONFLICT(case_id) DO UPDATE SET {updates} WHERE excluded.seq >= {table}.seq";
        object Db(object? v) => v ?? DBNull.Value;
        cmd.Parameters.AddWithValue("$case_id", m.CaseId);
        cmd.Parameters.AddWithValue("$seq", m.Seq);
        cmd.Parameters.AddWithValue("$title", meta.Title);
        cmd.Parameters.AddWithValue("$applicant_name", meta.ApplicantName.Trim());
        cmd.Parameters.AddWithValue("$id_hash", Db(_lookup.Hash(meta.IdNumber)));
        cmd.Parameters.AddWithValue("$id_masked", IdNumberMasking.Mask(IdNumberLookup.Normalise(meta.IdNumber)));
        cmd.Parameters.AddWithValue("$township", meta.Township.Trim());
        cmd.Parameters.AddWithValue("$village", meta.Village.Trim());
        cmd.Parameters.AddWithValue("$category", meta.Category.Trim());
        cmd.Parameters.AddWithValue("$stage", meta.Status.Trim());
        cmd.Parameters.AddWithValue("$sealed", m.Sealed ? 1 : 0);
        cmd.Parameters.AddWithValue("$opened_on", Db(meta.OpenedOn is { } o ? Day(o) : null));
        cmd.Parameters.AddWithValue("$closed_on", Db(meta.ClosedOn is { } cl ? Day(cl) : null));
        cmd.Parameters.AddWithValue("$sealed_at", Db(m.SealedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
        cmd.Parameters.AddWithValue("$sealed_on", Db(m.SealedAt is { } sa ? Day(DateOnly.FromDateTime(sa.ToOffset(ChinaTime.Offset).DateTime)) : null));
        cmd.Parameters.AddWithValue("$volume", meta.Volume);
        cmd.Parameters.AddWithValue("$supplement_of", Db(meta.SupplementOf));
        cmd.Parameters.AddWithValue("$documents", m.Documents.Count);
        cmd.Parameters.AddWithValue("$file_number", Db(meta.FileNumber));
        cmd.Parameters.AddWithValue("$case_stage", Db(standing.Stage));
        cmd.Parameters.AddWithValue("$next_due", Db(standing.NextDue is { } nd ? Day(nd) : null));
        cmd.Parameters.AddWithValue("$archival_code", ArchivalReference.Of(m, _fonds).ArchivalCode);
        cmd.Parameters.AddWithValue("$agency", meta.Agency);
        cmd.Parameters.AddWithValue("$reference_sealed", m.SealedReference is null ? 0 : 1);
        cmd.ExecuteNonQuery();
    }

    private CatalogEntry Read(SqliteDataReader r)
    {
        DateOnly? Date(int i) => r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CatalogEntry
        {
            CaseId = r.GetString(0),
            Title = r.GetString(2),
            ApplicantName = r.GetString(3),
            IdNumberMasked = r.GetString(5),
            Township = r.GetString(6),
            Village = r.GetString(7),
            Category = r.GetString(8),
            Stage = r.GetString(9),
            Status = r.GetInt32(10) == 1 ? SealState.Sealed : SealState.Open,
            OpenedOn = Date(11),
            ClosedOn = Date(12),
            SealedAt = r.IsDBNull(13) ? null : DateTimeOffset.Parse(r.GetString(13), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Volume = r.GetInt32(15),
            SupplementOf = r.IsDBNull(16) ? null : r.GetString(16),
            Documents = r.GetInt32(17),
            FileNumber = r.IsDBNull(18) ? null : r.GetString(18),
            CaseStage = r.IsDBNull(19) ? null : r.GetString(19),
            NextDue = Date(20),
            ArchivalCode = CurrentCode(r),
        };
    }

    /// <summary>
    /// The 档号 a search shows. A reference the seal signed never changes: the stored one. Any other (an open case, or
    /// one sealed before seals recorded it) is made now from the current fonds settings, as the cover printed now
    /// would make it, so changing the settings changes it without a reindex. Rows indexed before the catalog kept
    /// the agency show the stored code until a reindex.
    /// </summary>
    private string? CurrentCode(SqliteDataReader r)
    {
        var stored = r.IsDBNull(21) ? null : r.GetString(21);
        if (r.IsDBNull(22) || r.IsDBNull(23) || r.GetInt64(23) == 1) return stored;
        return ArchivalReference.CodeOf(_fonds, r.GetString(6), r.GetString(22), r.IsDBNull(18) ? null : r.GetString(18), r.GetInt32(15), r.GetString(0));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with LIKE's own wildcards escaped.</summary>
    private static string Contains(string text)
    {
        var sb = new StringBuilder("%");
        foreach (var ch in text.Trim())
        {
            if (ch is '%' or '_' or '\\') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.Append('%').ToString();
    }

    private static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null) => SqliteFile.Exec(c, sql, tx);
}
