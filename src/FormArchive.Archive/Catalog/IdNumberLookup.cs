using System.Security.Cryptography;
using System.Text;

namespace FormArchive.Archive.Catalog;

/// <summary>
/// The catalog's lookup key for an ID number: HMAC-SHA256 of the normalised number under an installation
/// secret. A plain SHA-256 would not protect anything: 18-digit numbers (region, birth date, sequence) are
/// few enough to hash them all in minutes, so the index would give every number back. With the secret
/// kept beside the seal key, the index file alone reveals nothing; losing the secret only means reindexing.
/// </summary>
public sealed class IdNumberLookup
{
    private readonly byte[] _key;

    public IdNumberLookup(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("the lookup key needs at least 32 bytes", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>Reads the key at <paramref name="path"/>, creating a random one (mode 600) on first use.</summary>
    public static IdNumberLookup LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var tmp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var fs = new FileStream(tmp, FileMode.CreateNew))
            {
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                fs.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n"));
            }
            try { File.Move(tmp, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(tmp); } // another process won: use its key
        }
        return new IdNumberLookup(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    /// <summary>
    /// Trims, drops inner white space, turns full-width digits and X into ASCII and upper-cases, so that
    /// "11010519491231002x" and "１１０１０５…００２Ｘ" find the same case.
    /// </summary>
    public static string Normalise(string? idNumber)
    {
        var sb = new StringBuilder(18);
        foreach (var c in idNumber ?? "")
        {
            if (char.IsWhiteSpace(c)) continue;
            var ascii = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            sb.Append(char.ToUpperInvariant(ascii));
        }
        return sb.ToString();
    }

    /// <summary>Lowercase hex, or null for an empty number (nothing to find).</summary>
    public string? Hash(string? idNumber)
    {
        var n = Normalise(idNumber);
        return n.Length == 0 ? null : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(n)));
    }
}
