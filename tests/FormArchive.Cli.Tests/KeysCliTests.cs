using FormArchive.Archive.Access;
using FormArchive.Tests.Support;

namespace FormArchive.Tests.Api;

/// <summary>`formarchive keys` as a process: keys stored as hashes only, listed, revoked.</summary>
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

        Assert.Contains("(UTC+8)", output); // times are listed in China time, and say so

        (code, output) = Cli(data, "keys", "revoke", key.Id);
        Assert.True(code == 0, output);
        Assert.Equal($"key {key.Id} revoked", output.Trim());
        Assert.Null(store.Find(secret));

        (code, output) = Cli(data, "keys", "add", "--name", "x", "--role", "clerk");
        Assert.Equal(2, code);
        Assert.StartsWith("formarchive: error:", output.Trim());
        (code, _) = Cli(data, "keys", "revoke", "nosuchkey");
        Assert.Equal(2, code);
    }
}
