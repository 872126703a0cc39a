using Microsoft.Data.Sqlite;

namespace FormArchive.Archive.Storage;

/// <summary>
/// One SQLite database file of the data folder (catalog, API keys, audit). The folder is created on demand; WAL so
/// readers never block the writer; no pooling, because a file may be deleted and rebuilt under a running service;
/// the schema is applied on every open (cheap, and it recreates tables after such a delete).
/// </summary>
public sealed class SqliteFile
{
    private readonly string _connectionString;
    private readonly Func<string> _schema;

    public SqliteFile(string path, Func<string> schema)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, DefaultTimeout = 30 }.ToString();
        _schema = schema;
        using var c = Open();
        Exec(c, "PRAGMA journal_mode=WAL;");
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, _schema());
        return c;
    }

    public static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
