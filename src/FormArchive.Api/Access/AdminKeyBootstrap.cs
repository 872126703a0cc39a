using FormArchive.Archive.Access;
namespace FormArchive.Api.Access;

/// <summary>
/// First start on an empty data folder: no key exists, so nobody could create one over HTTP. The service then
/// issues one admin key and writes it to data/keys/first-admin-api-key.txt (owner-only), logging only the
/// file's path — never the key. `formarchive keys add --role admin` does the same from the command line.
/// </summary>
public static class AdminKeyBootstrap
{
    public const string FileName = "first-admin-api-key.txt";

    public static string? EnsureAdmin(ApiKeyStore store, string dataDirectory, ILogger logger)
    {
        if (store.List().Count > 0) return null;
        var issued = store.Add("first admin", Role.Admin);
        var dir = Path.Combine(dataDirectory, "keys");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, FileName);
        File.WriteAllText(path, issued.Secret + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        logger.LogWarning(
            "No API keys existed: an admin key ({KeyId}) was written to {Path}; create other keys with it, then delete the file", issued.Key.Id, path);
        return path;
    }
}
