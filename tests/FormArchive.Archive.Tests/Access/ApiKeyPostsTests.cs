using FormArchive.Archive.Access;
using Microsoft.Data.Sqlite;

namespace FormArchive.Archive.Tests.Access;

/// <summary>Keys belong to people with posts at a township or a county; keys made before posts existed keep working.</summary>
public class ApiKeyPostsTests
{
    [Fact]
    public void A_clerk_key_is_a_township_or_a_county_person_in_a_post()
    {
        var store = new ApiKeyStore(Path.Combine(Directory.CreateTempSubdirectory("formarchive-posts-").FullName, "access.db"));
        var head = store.Add("钱七", Role.Clerk, county: "贵池区", post: Post.Head);
        var handler = store.Add("王五", Role.Clerk, township: "秋浦街道");

        var found = store.Find(head.Secret)!;
        Assert.Equal(("贵池区", Post.Head, (string?)null), (found.County, found.Post!.Value, found.Township));
        Assert.Equal("贵池区", found.Unit);
        Assert.Equal(Post.Handler, store.Find(handler.Secret)!.Post); // 经办人 unless made 负责人

        Assert.Throws<ArgumentException>(() => store.Add("x", Role.Clerk, township: "秋浦街道", county: "贵池区"));
        Assert.Throws<ArgumentException>(() => store.Add("x", Role.Clerk));
        Assert.Throws<ArgumentException>(() => store.Add("x", Role.Archivist, post: Post.Head));
    }

    [Fact]
    public void A_verifier_key_is_a_county_s_system_in_no_post()
    {
        var store = new ApiKeyStore(Path.Combine(Directory.CreateTempSubdirectory("formarchive-verifier-").FullName, "access.db"));
        var found = store.Find(store.Add("贵池区居民家庭经济状况核对中心", Role.Verifier, county: "贵池区").Secret)!;
        Assert.Equal((Role.Verifier, "贵池区", (Post?)null), (found.Role, found.County, found.Post));

        Assert.Throws<ArgumentException>(() => store.Add("x", Role.Verifier));
        Assert.Throws<ArgumentException>(() => store.Add("x", Role.Verifier, township: "秋浦街道"));
        Assert.Throws<ArgumentException>(() => store.Add("x", Role.Verifier, county: "贵池区", post: Post.Head));
        Assert.Throws<ArgumentException>(() => store.Add("x", Role.Integrator, county: "贵池区"));
    }

    [Fact]
    public void A_database_made_before_posts_gets_them_and_its_clerk_keys_become_township_handlers()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("formarchive-posts-old-").FullName, "access.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, township TEXT,
                    hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
                INSERT INTO api_keys VALUES ('0badc0de', '王五', 'clerk', '秋浦街道', 'h1', '2026-01-01T00:00:00.0000000+00:00', NULL);
                INSERT INTO api_keys VALUES ('0badc0df', '赵六', 'archivist', NULL, 'h2', '2026-01-01T00:00:00.0000000+00:00', NULL);
                """;
            cmd.ExecuteNonQuery();
        }
        var store = new ApiKeyStore(path);
        var keys = store.List();
        Assert.Equal(Post.Handler, keys.Single(k => k.Id == "0badc0de").Post);
        Assert.Null(keys.Single(k => k.Id == "0badc0df").Post);
        var issued = new ApiKeyStore(path).Add("钱七", Role.Clerk, county: "贵池区", post: Post.Head); // a second open migrates nothing twice
        Assert.Equal(Post.Head, store.Find(issued.Secret)!.Post);
    }
}
