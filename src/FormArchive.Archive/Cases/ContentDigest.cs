using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace FormArchive.Archive.Cases;

/// <summary>
/// SHA-256 (the object's address) and SM3 (GB/T 32905, the national hash DA/T 97 names) of one object, as
/// lowercase hex.
/// </summary>
public sealed record ContentDigest(string Sha256, string Sm3)
{
    public static ContentDigest Of(ReadOnlySpan<byte> data) => new(Sha256Hex(data), Sm3Hex(data));

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Sm3Hex(ReadOnlySpan<byte> data)
    {
        var sm3 = new SM3Digest();
        sm3.BlockUpdate(data);
        var hash = new byte[sm3.GetDigestSize()];
        sm3.DoFinal(hash, 0);
        return Convert.ToHexStringLower(hash);
    }
}
