using System.Text;
using FormArchive.Domain;

namespace FormArchive.Ingest.Recognition;

/// <summary>
/// Pure text rules for finding 公民身份号码 and bank card numbers in OCR output. Validity is always decided by
/// <see cref="ChineseIdNumber"/> (GB 11643-1999 checksum and a real birth date); a confusion correction is only
/// kept when the corrected number validates.
/// </summary>
public static class IdNumberRules
{
    /// <summary>Characters OCR confuses with digits, and the digit meant.</summary>
    private static readonly Dictionary<char, char> Confusions = new()
    {
        ['O'] = '0', ['o'] = '0', ['D'] = '0', ['Q'] = '0',
        ['I'] = '1', ['l'] = '1', ['|'] = '1', ['i'] = '1',
        ['B'] = '8', ['S'] = '5', ['s'] = '5', ['Z'] = '2', ['z'] = '2',
    };

    /// <summary>A raw 18-character read and, when it (or its confusion-corrected form) validates, the number.</summary>
    public sealed record Candidate(string Raw, string? Valid, bool Corrected);

    /// <summary>
    /// Runs of exactly 17 digits in <paramref name="text"/> (spaces inside a run ignored): a number read without its last
    /// character, the check character, which the 17 before it decide.
    /// </summary>
    public static List<string> BodyCandidates(string text) => DigitRuns(text).Where(r => r.Length == 17).Distinct().ToList();

    /// <summary>Runs of digits in each line of <paramref name="text"/>, full width folded; spaces inside a run are not characters of it.</summary>
    private static IEnumerable<string> DigitRuns(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var run = new StringBuilder();
            foreach (var c0 in line + "\n")
            {
                char c = FoldWidth(c0);
                if (char.IsAsciiDigit(c)) run.Append(c);
                else if (c == ' ' && run.Length > 0) continue;
                else
                {
                    if (run.Length > 0) yield return run.ToString();
                    run.Clear();
                }
            }
        }
    }

    /// <summary>Digit-like runs of 18 characters in <paramref name="text"/> (spaces inside a run are ignored).</summary>
    public static List<string> RawCandidates(string text)
    {
        var result = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var run = new StringBuilder();
            void Flush()
            {
                var s = run.ToString();
                run.Clear();
                if (s.Length < 18 || s.Length > 20) return;
                // Drop leading/trailing confusable letters first (e.g. "|" of a table rule) when too long.
                for (int start = 0; start + 18 <= s.Length; start++)
                {
                    var cand = s.Substring(start, 18);
                    // X only ever stands last, and a real read is mostly digits already.
                    if (cand[..17].IndexOfAny(['X', 'x']) >= 0 || cand[..17].Count(char.IsAsciiDigit) < 13) continue;
                    result.Add(cand);
                }
            }
            foreach (var c0 in line)
            {
                char c = FoldWidth(c0);
                if (char.IsAsciiDigit(c) || c is 'X' or 'x' || Confusions.ContainsKey(c)) run.Append(c);
                // Spaces, and specks read as dots or commas (photocopies), inside a run are not characters of it.
                else if (c is ' ' or '.' or ',' or '·' or '\'' or '`' && run.Length > 0) continue;
                else Flush();
            }
            Flush();
        }
        return result.Distinct().ToList();
    }

    /// <summary>Full-width digits and letters to ASCII.</summary>
    public static char FoldWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    /// <summary>The digits of a text in order, full-width ones folded, everything else dropped.</summary>
    public static string Digits(string text) => string.Concat(text.Select(FoldWidth).Where(char.IsAsciiDigit));

    /// <summary>A birth date as an ID number carries it (digits 7–14, yyyyMMdd).</summary>
    public static string BirthDigits(DateOnly date) => date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Validates a raw read, correcting classic confusions only when the result then validates.</summary>
    public static Candidate Check(string raw)
    {
        if (ChineseIdNumber.TryParse(raw, out var id, out _)) return new Candidate(raw, id.Value, false);
        var sb = new StringBuilder(18);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (i == 17 && c is 'x' or 'X') { sb.Append('X'); continue; }
            sb.Append(Confusions.TryGetValue(c, out var d) ? d : c);
        }
        var fixedUp = sb.ToString();
        if (fixedUp != raw && ChineseIdNumber.TryParse(fixedUp, out id, out _)) return new Candidate(raw, id.Value, true);
        return new Candidate(raw, null, false);
    }

    /// <summary>Luhn (ISO/IEC 7812) check of a bank card number of 16–19 digits.</summary>
    public static bool IsLuhnValid(string digits)
    {
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit)) return false;
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>Luhn-valid 16–19 digit numbers in the text (digits may be grouped by spaces).</summary>
    public static List<string> BankCardNumbers(string text) =>
        DigitRuns(text).Where(r => r.Length is >= 16 and <= 19 && IsLuhnValid(r) && !ChineseIdNumber.IsValid(r)).Distinct().ToList();
}
