using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FormArchive.Archive.Storage;
using Microsoft.Data.Sqlite;

namespace FormArchive.Archive.Access;

/// <summary>
/// API keys in SQLite (data/access.db). A key is "fa_ID_SECRET" with 32 random bytes of secret; only the
/// SHA-256 of the whole key is stored, so a copy of the database grants nothing. A slow hash is not needed:
/// the keys are random, not passwords. Also used by `formarchive keys`.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly SqliteFile _db;

    public ApiKeyStore(string path)
    {
        _db = new SqliteFile(path, () => Schema);
        using var c = Open();
        AddColumnsOfPosts(c);
    }

    public string Path => _db.Path;

    /// <summary>The store of the data folder: FORMARCHIVE_DATA (default ./data)/access.db.</summary>
    public static ApiKeyStore ForDataDirectory(string? dataDirectory = null) => new(PathIn(dataDirectory));

    /// <summary>
    /// The data folder's store if it has one, else null (nothing is created): for reading the register where it may
    /// not be, as when a case is verified away from the service that signed it.
    /// </summary>
    public static ApiKeyStore? ExistingInDataDirectory(string? dataDirectory = null) =>
        File.Exists(PathIn(dataDirectory)) ? new(PathIn(dataDirectory)) : null;

    private static string PathIn(string? dataDirectory) =>
        System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory ?? Environment.GetEnvironmentVariable("FORMARCHIVE_DATA") ?? "data"), "access.db");

    /// <summary>
    /// A new key for a person. A clerk works for one unit, a township or a county, in a post (经办人 by default); a
    /// verifier (核对机构, a system) serves one county, in no post; other roles have neither.
    /// </summary>
    /// <exception cref="ArgumentException">The unit or post does not fit the role (the message says which, in Chinese).</exception>
    public IssuedApiKey Add(string name, Role role, string? township = null, string? county = null, Post? post = null)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("请写明密钥持有人的姓名。");
        township = string.IsNullOrWhiteSpace(township) ? null : township.Trim();
        county = string.IsNullOrWhiteSpace(county) ? null : county.Trim();
        if (role == Role.Clerk && (township is null) == (county is null))
            throw new ArgumentException("办事员密钥须属于一个乡镇（街道）或一个县（区），二者选一。");
        if (role == Role.Verifier && (county is null || township is not null || post is not null))
            throw new ArgumentException("核对机构密钥须属于一个县（区）（--county），不属于乡镇，也没有岗位。");
        if (role is not (Role.Clerk or Role.Verifier) && (township is not null || county is not null || post is not null))
            throw new ArgumentException($"{Roles.Label(role)}密钥不属于乡镇或县（区），也没有岗位。");
        if (role == Role.Clerk) post ??= Access.Post.Handler;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = $"fa_{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey { Id = id, Name = name.Trim(), Role = role, Township = township, County = county, Post = post, CreatedAt = DateTimeOffset.UtcNow };
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO api_keys (id, name, role, township, county, post, hash, created_at) "
            + "VALUES ($id, $name, $role, $township, $county, $post, $hash, $at)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$name", key.Name);
        cmd.Parameters.AddWithValue("$role", Roles.Name(role));
        cmd.Parameters.AddWithValue("$township", (object?)township ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$county", (object?)county ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$post", post is { } p ? Posts.Name(p) : DBNull.Value);
        cmd.Parameters.AddWithValue("$hash", Hash(secret));
        cmd.Parameters.AddWithValue("$at", key.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
        return new IssuedApiKey(key, secret);
    }

    /// <summary>The active key for <paramref name="secret"/>, or null.</summary>
    public ApiKey? Find(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200) return null;
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, role, township, created_at, revoked_at, county, post FROM api_keys WHERE hash = $hash AND revoked_at IS NULL";
        cmd.Parameters.AddWithValue("$hash", Hash(secret));
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    public IReadOnlyList<ApiKey> List()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, role, township, created_at, revoked_at, county, post FROM api_keys ORDER BY created_at, id";
        using var r = cmd.ExecuteReader();
        var list = new List<ApiKey>();
        while (r.Read()) list.Add(Read(r));
        return list;
    }

    /// <summary>Revokes key <paramref name="id"/>; false if there is no such active key.</summary>
    public bool Revoke(string id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL";
        cmd.Parameters.AddWithValue("$id", id.Trim());
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Opens the database (for readiness checks too).</summary>
    public void Ping()
    {
        using var c = Open();
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ApiKey Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Name = r.GetString(1),
        Role = Roles.TryParse(r.GetString(2), out var role)
            ? role
            : throw new InvalidOperationException($"unknown role '{r.GetString(2)}' in {r.GetString(0)}"),
        Township = r.IsDBNull(3) ? null : r.GetString(3),
        CreatedAt = DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        RevokedAt = r.IsDBNull(5) ? null : DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        County = r.IsDBNull(6) ? null : r.GetString(6),
        // A clerk key made before posts existed is a township's 经办人.
        Post = !r.IsDBNull(7) && Posts.TryParse(r.GetString(7), out var post) ? post : r.GetString(2) == Roles.Name(Role.Clerk) ? Access.Post.Handler : null,
    };

    private static readonly string[] ColumnsOfPosts = ["county", "post"];

    /// <summary>Databases made before people had posts get the two columns; existing keys keep working unchanged.</summary>
    private static void AddColumnsOfPosts(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM pragma_table_info('api_keys')";
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var r = cmd.ExecuteReader())
            while (r.Read()) columns.Add(r.GetString(0));
        foreach (var column in ColumnsOfPosts.Where(x => !columns.Contains(x)))
        {
            try { SqliteFile.Exec(c, $"ALTER TABLE api_keys ADD COLUMN {column} TEXT"); }
            catch (SqliteException) when (ColumnExists(c, column)) { } // another process added it first
        }
    }

    private static bool ColumnExists(SqliteConnection c, string column)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM pragma_table_info('api_keys') WHERE name = $name";
        cmd.Parameters.AddWithValue("$name", column);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private SqliteConnection Open() => _db.Open();

    private const string Schema = """
            CREATE TABLE IF NOT EXISTS api_keys (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, township TEXT,
                hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT, county TEXT, post TEXT);
            """;
}
