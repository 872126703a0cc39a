using System.Globalization;
using System.Text.RegularExpressions;

namespace FormArchive.Archive.Cases;

/// <summary>The key layout of a case, in one place.</summary>
public static partial class CaseKeys
{
    // \z, not $: "$" also matches before a final newline, which let "B-0001\n" through. A volume suffix (-V2 …)
    // may follow the 100 characters, so that every case can have its 补充卷.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]{0,99}(-V[0-9]{1,4})?\z")]
    private static partial Regex IdPattern();

    public const string Root = "cases/";

    public static string CheckId(string caseId) =>
        caseId is not null && IdPattern().IsMatch(caseId) && !caseId.Contains("..")
            ? caseId
            : throw new ArgumentException($"invalid case id (letters, digits, '.', '_', '-'; at most 100)", nameof(caseId));

    /// <summary>The case id of volume <paramref name="volume"/> of a case: the case itself for 1, its 补充卷 ROOT-V2, ROOT-V3 … after.</summary>
    public static string VolumeId(string rootCaseId, int volume) =>
        volume <= 1 ? rootCaseId : $"{rootCaseId}-V{volume.ToString(CultureInfo.InvariantCulture)}";

    public static string Prefix(string caseId) => $"{Root}{CheckId(caseId)}/";
    public static string Events(string caseId) => Prefix(caseId) + "events/";
    public static string Event(string caseId, long seq) => Events(caseId) + seq.ToString("D8", CultureInfo.InvariantCulture) + ".json";
    public static string Objects(string caseId) => Prefix(caseId) + "objects/";
    public static string Object(string caseId, string sha256) => Objects(caseId) + sha256;
    public static string Sealed(string caseId) => Prefix(caseId) + "sealed/";
    public static string SealedManifest(string caseId, string sha256) => Sealed(caseId) + sha256 + ".json";
    public static string SealedSignature(string caseId, string sha256) => Sealed(caseId) + sha256 + ".sig";
    public static string CurrentManifest(string caseId) => Prefix(caseId) + "manifest.json";
    public static string Access(string caseId) => Prefix(caseId) + "access/";
    /// <summary>Derived objects (thumbnails): made from the record, kept beside it, never listed in it.</summary>
    public static string Derived(string caseId) => Prefix(caseId) + "derived/";
    public static string Thumbnail(string caseId, string pdfSha256, int page, int width) =>
        Derived(caseId) + "thumbnails/" + pdfSha256
        + "-p" + page.ToString(CultureInfo.InvariantCulture) + "-w" + width.ToString(CultureInfo.InvariantCulture) + ".jpg";

    /// <summary>Sequence number of an event key, or null if the key is not one.</summary>
    public static long? SeqOf(string eventKey)
    {
        var name = eventKey[(eventKey.LastIndexOf('/') + 1)..];
        return name.EndsWith(".json", StringComparison.Ordinal)
               && long.TryParse(name[..^5], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
    }
}
