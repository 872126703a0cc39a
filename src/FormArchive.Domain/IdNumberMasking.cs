using System.Text.RegularExpressions;

namespace FormArchive.Domain;

/// <summary>
/// Masks identity numbers for display where the full number must not appear
/// (公示 etc.): the first 6 and the last 4 characters are kept, e.g. 110105********0029.
/// </summary>
public static partial class IdNumberMasking
{
    /// <summary>Characters kept at the start (the region code).</summary>
    public const int KeepStart = 6;

    /// <summary>Characters kept at the end.</summary>
    public const int KeepEnd = 4;

    /// <summary>
    /// Masks <paramref name="idNumber"/>. Surrounding white space is dropped and a lowercase
    /// <c>x</c> is shown as <c>X</c>. Empty input gives an empty string; input too short to keep
    /// 6 + 4 characters visible is masked entirely, so nothing of it leaks.
    /// </summary>
    public static string Mask(string? idNumber)
    {
        var s = idNumber?.Trim() ?? string.Empty;
        if (s.Length == 0)
            return string.Empty;
        s = s.ToUpperInvariant();
        if (s.Length <= KeepStart + KeepEnd)
            return new string('*', s.Length);
        return string.Concat(s.AsSpan(0, KeepStart), new string('*', s.Length - KeepStart - KeepEnd), s.AsSpan(s.Length - KeepEnd));
    }

    /// <summary>
    /// Masks every ID-number-like run in free text (log messages, audit fields): 18 characters (17 digits and a digit
    /// or X) or 15 digits, not part of a longer run of digits. A letter next to it does not shield it (case ids and
    /// key names can carry an ID number).
    /// </summary>
    public static string MaskInText(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : IdNumberLike().Replace(text, m => Mask(m.Value));

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|(?<![0-9])[0-9]{15}(?![0-9])")]
    private static partial Regex IdNumberLike();
}
