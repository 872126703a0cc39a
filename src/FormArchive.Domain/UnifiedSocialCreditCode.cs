namespace FormArchive.Domain;

/// <summary>
/// 统一社会信用代码 of a registered business (GB 32100-2015): 18 characters of the code set 0–9 and the capital letters but
/// I, O, S, V, Z; the last is the check character (the weighted sum of the first 17 modulo 31). The 工商登记 a
/// 家庭经济状况核对 finds names the business by it.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;

    private const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The code upper-cased and trimmed, or false with a one-line Chinese <paramref name="error"/>.</summary>
    public static bool TryNormalize(string? text, out string? code, out string? error)
    {
        var s = text?.Trim().ToUpperInvariant() ?? "";
        error = Problem(s);
        code = error is null ? s : null;
        return error is null;
    }

    private static string? Problem(string s)
    {
        if (s.Length != Length) return $"统一社会信用代码应为{Length}位，实际为{s.Length}位。";
        for (int i = 0; i < s.Length; i++)
            if (!Characters.Contains(s[i], StringComparison.Ordinal))
                return $"统一社会信用代码第{i + 1}位“{s[i]}”不是代码字符（数字或除 I、O、S、V、Z 以外的大写字母）。";
        var check = CheckCharacter(s);
        return check == s[^1] ? null : $"统一社会信用代码校验位错误：第18位应为“{check}”，实际为“{s[^1]}”，请核对是否抄错。";
    }

    /// <summary>The check character of the code's first 17 characters (all of the code set).</summary>
    public static char CheckCharacter(string first17)
    {
        int sum = 0;
        for (int i = 0; i < Weights.Length; i++) sum += Characters.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Characters[(31 - sum % 31) % 31];
    }
}
