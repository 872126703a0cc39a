using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FormArchive.Archive.Storage;

namespace FormArchive.Archive.Cases;

/// <summary>
/// A clerk's own file number (本单位案卷号) is unique within its township: the first case to claim it holds it.
/// The claim is a create-if-absent journal key (filenumbers/SHA256(township, number).json), so two instances
/// racing for one number cannot both win, and nothing in a key names the township or the number.
/// </summary>
public static class FileNumbers
{
    public const int MaxLength = 50;

    private sealed record Claim(string Township, string FileNumber, string CaseId);

    public static string Key(string township, string fileNumber) =>
        "filenumbers/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(township.Trim() + "\n" + fileNumber.Trim()))) + ".json";

    /// <summary>Why <paramref name="fileNumber"/> cannot be one, or null.</summary>
    public static string? Problem(string fileNumber)
    {
        var s = fileNumber.Trim();
        if (s.Length == 0) return "本单位案卷号不能为空。";
        if (s.Length > MaxLength) return $"本单位案卷号最多{MaxLength}个字符。";
        return s.Any(char.IsControl) ? "本单位案卷号不能含有控制字符（如换行符）。" : null;
    }

    /// <summary>
    /// Claims <paramref name="fileNumber"/> in <paramref name="township"/> for <paramref name="caseId"/>; null if it
    /// is now the case's, else the id of the case that holds it. A claim whose case was never opened (a crash in
    /// between) is taken over.
    /// </summary>
    public static async Task<string?> ClaimAsync(CaseArchive archive, string township, string fileNumber, string caseId, CancellationToken ct)
    {
        var key = Key(township, fileNumber);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new Claim(township.Trim(), fileNumber.Trim(), caseId));
        if (await archive.Store.TryCreateAsync(StoreArea.Journal, key, bytes, ct)) return null;
        var holder = await archive.Store.GetAsync(StoreArea.Journal, key, ct) is { } existing ? JsonSerializer.Deserialize<Claim>(existing)?.CaseId : null;
        if (holder is not null)
        {
            try
            {
                await archive.GetManifestAsync(holder, ct);
                return holder;
            }
            catch (CaseNotFoundException)
            {
                // Claimed by a case that was never opened.
            }
        }
        await archive.Store.PutAsync(StoreArea.Journal, key, bytes, ct);
        return null;
    }
}
