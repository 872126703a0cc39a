using System.Text.RegularExpressions;

namespace FormArchive.Archive.Storage;

/// <summary>Validates keys so that no key can leave its folder on disk or differ between stores.</summary>
internal static partial class StoreKeys
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]*(/[A-Za-z0-9][A-Za-z0-9._\-]*)*$")]
    private static partial Regex KeyPattern();

    public static string Check(string key)
    {
        if (key.Length > 512 || !KeyPattern().IsMatch(key) || key.Contains(".."))
            throw new ArgumentException($"invalid store key '{key}'", nameof(key));
        return key;
    }

    public static string CheckPrefix(string prefix) => prefix.Length == 0 ? prefix : Check(prefix.TrimEnd('/')) + (prefix.EndsWith('/') ? "/" : "");
}
