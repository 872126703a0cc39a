using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FormArchive.Api.Audit;

/// <summary>
/// The hash that links one audit entry to the one before: SHA-256 (hex) over the entry's fields, in a fixed
/// order and separated by U+001F (a character no field contains), then the previous entry's hash.
/// The sequence number is part of it, so an entry cannot be moved either.
/// </summary>
public static class AuditChain
{
    public static string Hash(AuditEntry e, string? previousHash)
    {
        var text = string.Join('\u001f',
            e.Seq.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), e.KeyId, e.Actor, e.Role,
            e.RemoteAddress ?? "", e.Action, e.CaseId ?? "", e.Detail, e.Status.ToString(CultureInfo.InvariantCulture), previousHash ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
